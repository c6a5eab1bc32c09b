"""What admins and operators read, French first, English second: the admin chat, its
alerts and digest, the command line, the console and the simulation reports.

The traders' sentences are in bot.text.catalogue.trader; both are read through
bot.text.messages.t.
"""

from __future__ import annotations

ADMIN: dict[str, tuple[str, str]] = {
    # Alerts to the admin chat (deliveries, proofs, rate, digest, failures)
    "admin.delivery_failed": (
        "⚠️ Message WhatsApp non remis à {recipient} (statut {status}, code {code}).",
        "⚠️ WhatsApp message not delivered to {recipient} (status {status}, code {code}).",
    ),
    "admin.reference_added": (
        "🧾 Preuve {proof} (commande {number}) : référence {reference}.",
        "🧾 Proof {proof} (order {number}): reference {reference}.",
    ),
    "admin.reference_reused": (
        "🧾 Preuve {proof} (commande {number}) : référence {reference}. ⚠️ Déjà utilisée pour : "
        "{reused}",
        "🧾 Proof {proof} (order {number}): reference {reference}. ⚠️ Already used for: {reused}",
    ),
    "admin.proofs_waiting": (
        "⏰ {count:proof_waiting} depuis plus de 2 h (la plus ancienne : "
        "{oldest}). /attente pour les voir.",
        "⏰ {count:proof_waiting} waited more than 2 h (oldest: {oldest}). /attente to see them.",
    ),
    "admin.rate_stale": (
        "⚠️ Le taux 1 ¥ = {rate} GNF date du {date} : plus de 24 h. /taux VALEUR pour le "
        "mettre à jour.",
        "⚠️ The rate 1 ¥ = {rate} GNF dates from {date}: over 24 h. /taux VALUE to update it.",
    ),
    "admin.digest": (
        "☀️ Bilan du {date}\n{containers}\nCommandes en attente de paiement : "
        "{orders_waiting}\nPreuves à vérifier : {proofs_waiting} (cartes non remises : "
        "{undelivered}, voir /attente)\nHier : {count:order}, facturé {billed}, "
        "marge {margin}",
        "☀️ Digest for {date}\n{containers}\nOrders awaiting payment: {orders_waiting}\n"
        "Proofs to check: {proofs_waiting} (cards not delivered: {undelivered}, see "
        "/attente)\nYesterday: {count:order}, billed {billed}, margin {margin}",
    ),
    "admin.outbox_failed": (
        "⚠️ Notification non remise après plusieurs essais ({item}) : {error}",
        "⚠️ Notification not delivered after several tries ({item}): {error}",
    ),
    "admin.inbound_failed": (
        "⚠️ Message entrant {channel} {message} abandonné après {attempts} essais : {error}",
        "⚠️ Inbound {channel} message {message} dropped after {attempts} tries: {error}",
    ),
    "admin.bug": (
        "🐞 Erreur de programme : {kind}, sur {item} : {error}. Détails dans le journal "
        "(une alerte par heure pour cette erreur).",
        "🐞 Program error: {kind}, on {item}: {error}. Details in the log (one alert per hour "
        "for this error).",
    ),
    "admin.attachment_received": (
        "📎 Commande {number} : pièce jointe illisible reçue du commerçant ({size}). "
        "/commande {number} pour le détail.",
        "📎 Order {number}: unreadable attachment received from the trader ({size}). "
        "/commande {number} for the detail.",
    ),
    # Admin chat
    "admin.refused": (
        "⛔ Ce numéro n'est pas celui d'un administrateur. Cette conversation est réservée "
        "à l'équipe Tontine Digitale.",
        "⛔ This number is not an administrator's. This chat is for the Tontine Digitale "
        "team only.",
    ),
    "admin.identify": (
        "🔐 Espace administrateur. Pour vous identifier, partagez votre numéro ou écrivez-le "
        "(ex. 620 12 34 56) : un code vous sera envoyé par SMS.",
        "🔐 Admin desk. To identify yourself, share your number or type it (e.g. "
        "620 12 34 56): a code will be sent to you by SMS.",
    ),
    "admin.elsewhere": (
        "Cette commande n'existe pas ici.",
        "That command does not exist here.",
    ),
    "admin.login_required": (
        "🔐 Session administrateur fermée. Envoyez /admin pour recevoir un code par SMS.",
        "🔐 Admin session closed. Send /admin to get a code by SMS.",
    ),
    "admin.code_sent": (
        "🔐 Code envoyé par SMS au {phone}. Écrivez-le ici.",
        "🔐 Code sent by SMS to {phone}. Type it here.",
    ),
    "admin.session_open": (
        "✅ Session ouverte pour {minutes} minutes. /aide liste les commandes.",
        "✅ Session open for {minutes} minutes. /aide lists the commands.",
    ),
    "admin.no_2fa": (
        "✅ Administrateur reconnu. /aide liste les commandes.",
        "✅ Administrator recognised. /aide lists the commands.",
    ),
    "admin.unknown": (
        "Commande inconnue. /aide liste les commandes.",
        "Unknown command. /aide lists the commands.",
    ),
    "admin.help": (
        "Commandes administrateur :\n"
        "/admin — ouvrir une session (code SMS)\n"
        "/taux [valeur] — voir ou fixer le taux 1 ¥ → GNF\n"
        "/tarifs [catégorie client réel] — voir ou fixer les tarifs par CBM\n"
        "/tarifs commission [pourcentage] — fixer la commission\n"
        "/conteneurs — remplissage, étape, commandes\n"
        "/etape CODE — passer un conteneur à l'étape suivante\n"
        "/nouveau_conteneur [capacité CBM] — ouvrir un conteneur\n"
        "/eta CODE JJ/MM/AAAA motif — changer la date d'arrivée estimée\n"
        "/attente — preuves et demandes en attente, les plus anciennes d'abord\n"
        "/commande NUMÉRO — détail d'une commande\n"
        "/reception NUMÉRO CBM [cartons] — marchandises mesurées à l'entrepôt (photo en "
        "légende)\n"
        "/stats [CODE] — volume, facturé, marge\n"
        "/annonce — message à tous les commerçants ou à un conteneur\n"
        "/export — commandes en CSV\n"
        "/tickets — demandes des commerçants ouvertes\n"
        "/repondre T12 texte — répondre à une demande (ou répondez à sa fiche)\n"
        "/fermer T12 — clore une demande\n"
        "/langue fr|en — langue de vos réponses\n"
        "Les changements de taux, tarifs, commission, étapes et dates d'arrivée demandent "
        "une confirmation.",
        "Admin commands:\n"
        "/admin — open a session (SMS code)\n"
        "/taux [value] — show or set the 1 ¥ → GNF rate\n"
        "/tarifs [category client real] — show or set per-CBM tariffs\n"
        "/tarifs commission [percent] — set the commission\n"
        "/conteneurs — fill, stage, orders\n"
        "/etape CODE — move a container to its next stage\n"
        "/nouveau_conteneur [capacity CBM] — open a container\n"
        "/eta CODE DD/MM/YYYY reason — change the estimated arrival date\n"
        "/attente — proofs and requests waiting, oldest first\n"
        "/commande NUMBER — one order in detail\n"
        "/reception NUMBER CBM [cartons] — goods measured at the warehouse (photo as caption)\n"
        "/stats [CODE] — volume, billed, margin\n"
        "/annonce — message all traders or one container's\n"
        "/export — orders as CSV\n"
        "/tickets — traders' open requests\n"
        "/repondre T12 text — answer a request (or reply to its card)\n"
        "/fermer T12 — close a request\n"
        "/langue fr|en — the language of your replies\n"
        "Changes to the rate, tariffs, commission, stages and arrival dates ask for a "
        "confirmation.",
    ),
    "admin.bad_value": (
        "Valeur illisible : {value}. {usage}",
        "Unreadable value: {value}. {usage}",
    ),
    "admin.usage": ("Usage : {usage}", "Usage: {usage}"),
    "admin.usage.taux": ("/taux 1250", "/taux 1250"),
    "admin.usage.tarifs": (
        "/tarifs textile 5000000 4200000 (client puis réel, par CBM)",
        "/tarifs textile 5000000 4200000 (client then real, per CBM)",
    ),
    "admin.usage.commission": (
        "/tarifs commission 5 (de 0 à 30 %)",
        "/tarifs commission 5 (0 to 30 %)",
    ),
    "admin.usage.etape": ("/etape TD-2026-01", "/etape TD-2026-01"),
    "admin.usage.nouveau_conteneur": (
        "/nouveau_conteneur [capacité en CBM, ex. 76]",
        "/nouveau_conteneur [capacity in CBM, e.g. 76]",
    ),
    "admin.usage.commande": ("/commande C00042", "/commande C00042"),
    "admin.usage.stats": ("/stats [TD-2026-01]", "/stats [TD-2026-01]"),
    "admin.usage.langue": ("/langue fr ou /langue en", "/langue fr or /langue en"),
    "admin.invalid.rate_out_of_range": (
        "Taux refusé : entre 1 et 100 000 GNF pour 1 ¥, 4 décimales au plus. {usage}",
        "Rate refused: between 1 and 100,000 GNF per 1 ¥, at most 4 decimals. {usage}",
    ),
    "admin.invalid.commission_out_of_range": (
        "Commission refusée : entre 0 et 30 %. {usage}",
        "Commission refused: between 0 and 30 %. {usage}",
    ),
    "admin.invalid.tariff_out_of_range": (
        "Tarif refusé : un nombre entier de GNF, positif. {usage}",
        "Tariff refused: a whole, positive number of GNF. {usage}",
    ),
    "admin.invalid.tariff_below_cost": (
        "Tarif refusé : le prix client doit être au moins égal au coût réel. {usage}",
        "Tariff refused: the client price must be at least the real cost. {usage}",
    ),
    "admin.invalid.capacity_out_of_range": (
        "Capacité refusée : entre 1 et 200 CBM. {usage}",
        "Capacity refused: between 1 and 200 CBM. {usage}",
    ),
    "admin.invalid.unreadable_order_number": (
        "Numéro de commande illisible. {usage}",
        "Unreadable order number. {usage}",
    ),
    "admin.invalid.unreadable_id": ("Numéro illisible. {usage}", "Unreadable number. {usage}"),
    "admin.invalid.unreadable": ("Valeur illisible. {usage}", "Unreadable value. {usage}"),
    "admin.rate_preview": (
        "Changer le taux : 1 ¥ = {old} → 1 ¥ = {new} ? Les nouveaux devis l'utiliseront.",
        "Change the rate: 1 ¥ = {old} → 1 ¥ = {new}? New quotes will use it.",
    ),
    "admin.rate_swing": (
        "⚠️ Écart de plus de 50 % avec le taux actuel : il faudra confirmer deux fois.",
        "⚠️ More than 50 % away from the current rate: you will confirm twice.",
    ),
    "admin.confirm_again": (
        "⚠️ Deuxième confirmation :\n{preview}",
        "⚠️ Second confirmation:\n{preview}",
    ),
    "admin.tariff_preview": (
        "Nouveau tarif {category} : client {client}, réel {real} par CBM ?",
        "New {category} tariff: client {client}, real {real} per CBM?",
    ),
    "admin.commission_preview": (
        "Nouvelle commission : {pct} ?",
        "New commission: {pct}?",
    ),
    "admin.container_preview": (
        "Ouvrir un nouveau conteneur de {capacity} ?",
        "Open a new container of {capacity}?",
    ),
    "admin.card_undelivered": ("⚠️ carte non remise", "⚠️ card not delivered"),
    "admin.language_set": ("✅ Langue : français.", "✅ Language: English."),
    "admin.rate": (
        "Taux actuel : 1 ¥ = {rate} (fixé le {date}).\nUsage : /taux 1250",
        "Current rate: 1 ¥ = {rate} (set on {date}).\nUsage: /taux 1250",
    ),
    "admin.rate_set": ("✅ Nouveau taux : 1 ¥ = {rate}.", "✅ New rate: 1 ¥ = {rate}."),
    "admin.tariffs": (
        "Tarifs par CBM (client / réel) :\n{lines}\nCommission : {commission}\n"
        "Usage : /tarifs textile 5000000 4200000 — /tarifs commission 5",
        "Tariffs per CBM (client / real):\n{lines}\nCommission: {commission}\n"
        "Usage: /tarifs textile 5000000 4200000 — /tarifs commission 5",
    ),
    "admin.tariff_line": ("{category} : {client} / {real}", "{category}: {client} / {real}"),
    "admin.tariff_set": (
        "✅ {category} : client {client}, réel {real} par CBM.",
        "✅ {category}: client {client}, real {real} per CBM.",
    ),
    "admin.commission_set": ("✅ Commission : {pct}.", "✅ Commission: {pct}."),
    "admin.container_line": (
        "{code} — {stage}\n{bar} — {used} / {capacity} — {orders:order}",
        "{code} — {stage}\n{bar} — {used} / {capacity} — {orders:order}",
    ),
    "admin.no_container": ("Aucun conteneur.", "No container."),
    "admin.container_unknown": ("Conteneur {code} inconnu.", "Unknown container {code}."),
    "admin.stage_confirm": (
        "Passer {code} de « {current} » à « {next} » ? {count:trader_told}.",
        "Move {code} from “{current}” to “{next}”? {count:trader_told}.",
    ),
    "admin.stage_last": (
        "{code} est déjà à la dernière étape.",
        "{code} is already at the last stage.",
    ),
    "admin.stage_done": (
        "✅ {code} : {stage} (par {admin}). {count:trader_being_told}.",
        "✅ {code}: {stage} (by {admin}). {count:trader_being_told}.",
    ),
    "admin.stage_stale": (
        "Cette confirmation n'est plus valable : l'étape a changé.",
        "This confirmation is no longer valid: the stage changed.",
    ),
    "admin.confirm": ("✅ Confirmer", "✅ Confirm"),
    "admin.container_opened": (
        "✅ Conteneur {code} ouvert ({capacity}).",
        "✅ Container {code} opened ({capacity}).",
    ),
    "admin.no_pending": ("Aucune preuve en attente.", "No proof waiting."),
    "admin.pending_line": (
        "Preuve {proof} — {number} — {trader} — {total} — reçue le {date}",
        "Proof {proof} — {number} — {trader} — {total} — received {date}",
    ),
    "admin.show_card": ("Voir la preuve {proof}", "Show proof {proof}"),
    "admin.order_unknown": ("Commande {number} introuvable.", "Order {number} not found."),
    "admin.order_usage": ("Usage : /commande C00042", "Usage: /commande C00042"),
    "admin.order_detail": (
        "Commande {number} — {status}\n"
        "Commerçant : {trader} ({phone})\n"
        "Conteneur : {code} — {category}, {volume}\n"
        "Marchandises : {price} × {rate} = {goods}\n"
        "Commission : {commission} — Logistique : {logistics}\n"
        "Total : {total}\n"
        "Coût réel : {real_cost} — Marge : {margin}\n"
        "Créée le {created} — échéance {expires}",
        "Order {number} — {status}\n"
        "Trader: {trader} ({phone})\n"
        "Container: {code} — {category}, {volume}\n"
        "Goods: {price} × {rate} = {goods}\n"
        "Commission: {commission} — Logistics: {logistics}\n"
        "Total: {total}\n"
        "Real cost: {real_cost} — Margin: {margin}\n"
        "Created {created} — due {expires}",
    ),
    "admin.proof_card": (
        "🧾 Preuve {proof} — commande {number}\n"
        "Commerçant : {trader} ({phone})\n"
        "Conteneur {code} — {category}, {volume}\n"
        "Montant dû : {total}\n"
        "Référence : {reference}\n"
        "Marge : {margin}",
        "🧾 Proof {proof} — order {number}\n"
        "Trader: {trader} ({phone})\n"
        "Container {code} — {category}, {volume}\n"
        "Amount due: {total}\n"
        "Reference: {reference}\n"
        "Margin: {margin}",
    ),
    "admin.no_reference": ("(aucune)", "(none)"),
    "admin.attachment_kept": (
        "📎 Pièce jointe illisible ({size}) reçue le {date}, gardée",
        "📎 Unreadable attachment ({size}) received {date}, kept",
    ),
    "admin.attachment_refused": (
        "📎 Pièce jointe illisible ({size}) reçue le {date}, refusée : plus de 5 Mo",
        "📎 Unreadable attachment ({size}) received {date}, refused: over 5 MB",
    ),
    "admin.warning_image": (
        "⚠️ Image déjà utilisée pour la commande {number}",
        "⚠️ Image already used for order {number}",
    ),
    "admin.warning_reference": (
        "⚠️ Référence déjà utilisée pour la commande {number}",
        "⚠️ Reference already used for order {number}",
    ),
    "admin.approve": ("✅ Valider", "✅ Approve"),
    "admin.reject": ("❌ Rejeter", "❌ Reject"),
    "admin.reject_reasons": ("Motif du rejet de la preuve {proof} :", "Why reject proof {proof}:"),
    "admin.reason.amount": ("montant incorrect", "wrong amount"),
    "admin.reason.unreadable": ("photo illisible", "unreadable photo"),
    "admin.reason.reference": ("référence introuvable", "reference not found"),
    "admin.reason.not_received": ("paiement non reçu", "payment not received"),
    "admin.reason.other": ("Autre (écrire le motif)", "Other (type the reason)"),
    "admin.reason_prompt": (
        "Écrivez le motif du rejet de la preuve {proof}.",
        "Type why proof {proof} is rejected.",
    ),
    "admin.approved_by": (
        "{card}\n\n✅ VALIDÉE par {admin} le {date}",
        "{card}\n\n✅ APPROVED by {admin} on {date}",
    ),
    "admin.rejected_by": (
        "{card}\n\n❌ REJETÉE par {admin} le {date} : {reason}",
        "{card}\n\n❌ REJECTED by {admin} on {date}: {reason}",
    ),
    "admin.already_decided": (
        "Cette preuve a déjà été traitée ({status} par {admin}).",
        "This proof was already handled ({status} by {admin}).",
    ),
    "admin.proof_unknown": ("Preuve introuvable.", "Proof not found."),
    "admin.stats": (
        "📊 {code} — {stage}\nVolume : {volume} / {capacity} — {orders:order}\n"
        "Facturé : {billed}\nMarge : {margin} ({rate})\n{lines}",
        "📊 {code} — {stage}\nVolume: {volume} / {capacity} — {orders:order}\n"
        "Billed: {billed}\nMargin: {margin} ({rate})\n{lines}",
    ),
    "admin.stats_line": (
        "  {category} : {volume}, facturé {billed}, marge {margin}",
        "  {category}: {volume}, billed {billed}, margin {margin}",
    ),
    "admin.stats_chart": (
        "📈 Remplissage des conteneurs ouverts et marge par catégorie",
        "📈 Fill of the open containers and margin by category",
    ),
    "chart.fill_title": ("Remplissage des conteneurs ouverts", "Fill of the open containers"),
    "chart.fill_axis": ("Volume réservé (CBM)", "Reserved volume (CBM)"),
    "chart.date_axis": ("Date (heure de Conakry)", "Date (Conakry time)"),
    "chart.capacity": ("Capacité : {capacity}", "Capacity: {capacity}"),
    "chart.no_open_container": ("Aucun conteneur ouvert", "No open container"),
    "chart.margin_title": ("Marge par catégorie — {scope}", "Margin by category — {scope}"),
    "chart.scope_all": ("tous les conteneurs", "all containers"),
    "chart.margin_axis": ("Marge (GNF)", "Margin (GNF)"),
    "admin.announce_prompt": (
        "Écrivez le message à annoncer (ou /annuler).",
        "Type the announcement (or /annuler).",
    ),
    "admin.announce_audience": ("À qui l'envoyer ?", "Who should get it?"),
    "admin.audience_all": ("Tous les commerçants", "All traders"),
    "admin.audience_container": ("Commerçants de {code}", "Traders of {code}"),
    "admin.announce_confirm": (
        "Envoyer à {count:trader} ?\n« {text} »",
        "Send to {count:trader}?\n“{text}”",
    ),
    "admin.announce_sent": (
        "📢 Annonce en cours d'envoi à {count:trader}.",
        "📢 Announcement on its way to {count:trader}.",
    ),
    "admin.announce_empty": ("Personne à prévenir.", "Nobody to tell."),
    "admin.export": ("📄 {count:order_exported}.", "📄 {count:order_exported}."),
    "admin.cancelled": ("Action annulée.", "Action cancelled."),
    # Command line and console (operators)
    "cli.initialised": ("Base initialisée.", "Database initialised."),
    "cli.already_initialised": (
        "Base déjà initialisée : rien à changer.",
        "Database already initialised: nothing to do.",
    ),
    "cli.no_telegram": (
        "TELEGRAM_BOT_TOKEN manque : voir .env.example.",
        "TELEGRAM_BOT_TOKEN is missing: see .env.example.",
    ),
    "cli.no_secret_key": (
        "SECRET_KEY manque : avec {reasons}, tous les processus doivent vérifier les codes avec "
        "la même clé ; définissez SECRET_KEY (32 caractères aléatoires ou plus, par exemple "
        "python -c 'import secrets; print(secrets.token_urlsafe(32))'), voir .env.example.",
        "SECRET_KEY is missing: with {reasons}, every process must check codes with the same "
        "key; set SECRET_KEY (32 random characters or more, for example "
        "python -c 'import secrets; print(secrets.token_urlsafe(32))'), see .env.example.",
    ),
    "cli.no_whatsapp": (
        "WhatsApp demande TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_FROM et "
        "PUBLIC_BASE_URL : voir .env.example.",
        "WhatsApp needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_FROM and "
        "PUBLIC_BASE_URL: see .env.example.",
    ),
    "console.welcome": (
        "Tontine Digitale — console. /photo CHEMIN pour une image, /quit pour sortir.",
        "Tontine Digitale — console. /photo PATH to send an image, /quit to leave.",
    ),
    "console.no_file": (
        "Fichier introuvable. Usage : /photo CHEMIN [référence]",
        "File not found. Usage: /photo PATH [reference]",
    ),
    "console.saved": ("📄 Fichier enregistré : {path}", "📄 File saved: {path}"),
    "console.image": ("🖼 (image, {size} octets)", "🖼 (image, {size} bytes)"),
    "console.push_hint": (
        "→ /attente puis le numéro de la preuve pour décider.",
        "→ /attente then the proof's number to decide.",
    ),
    "console.share_hint": ("({label} : /contact +224…)", "({label}: /contact +224…)"),
    "digest.container": ("{code} : {bar} ({remaining} libres)", "{code}: {bar} ({remaining} free)"),
    # Simulation report (operators)
    "sim.title": (
        "Simulation de remplissage — conteneur {code}",
        "Fill simulation — container {code}",
    ),
    "sim.volume": ("Volume total : {used} / {capacity}", "Total volume: {used} / {capacity}"),
    "sim.fill": ("Remplissage : {bar}", "Fill: {bar}"),
    "sim.stage": ("Étape : {stage}", "Stage: {stage}"),
    "sim.orders": ("Commandes : {count}", "Orders: {count}"),
    "sim.billed": ("Total facturé : {amount}", "Total billed: {amount}"),
    "sim.margin": (
        "Marge plateforme : {amount} (taux de marge {rate})",
        "Platform margin: {amount} (margin rate {rate})",
    ),
    "sim.by_category": ("Détail par catégorie :", "By category:"),
    "sim.category_line": (
        "  {category} : {count:order}, {volume}, facturé {billed}, marge {margin}",
        "  {category}: {count:order}, {volume}, billed {billed}, margin {margin}",
    ),
    "sim.checks": ("Vérifications :", "Checks:"),
    "sim.ok": ("  ✔ {what}", "  ✔ {what}"),
    "sim.failed": ("  ✘ {what} — ÉCHEC", "  ✘ {what} — FAILED"),
    "sim.check_volume": (
        "volume du conteneur = somme des commandes",
        "container volume = sum of the orders",
    ),
    "sim.check_stage": (
        "conteneur plein et passé à l'étape « mer »",
        "container full and moved to the “at sea” stage",
    ),
    "sim.check_billed": (
        "total facturé = somme des devis recalculés",
        "total billed = sum of the re-computed quotes",
    ),
    "sim.check_margin": (
        "marge = somme des marges recalculées",
        "margin = sum of the re-computed margins",
    ),
    # Issue 14 — arrival dates and delay notices
    "eta.admin_line": ("📅 Arrivée estimée : {eta}", "📅 Estimated arrival: {eta}"),
    "eta.none": ("aucune", "none"),
    "eta.preview": (
        "Date d'arrivée estimée de {code} à Conakry : {old} → {new}\nMotif : {reason}\n"
        "{count:trader_told}.",
        "Estimated arrival of {code} at Conakry: {old} → {new}\nReason: {reason}\n"
        "{count:trader_told}.",
    ),
    "eta.done": (
        "✅ {code} : arrivée estimée le {new} (par {admin}). {count:trader_being_told}.",
        "✅ {code}: estimated arrival {new} (by {admin}). {count:trader_being_told}.",
    ),
    "eta.stale": (
        "Cette confirmation n'est plus valable : la date d'arrivée a changé. /conteneurs "
        "pour la voir.",
        "This confirmation is no longer valid: the arrival date changed. /conteneurs to see it.",
    ),
    "eta.container_unknown": (
        "Conteneur {code} inconnu. {usage}",
        "Unknown container {code}. {usage}",
    ),
    "eta.digest_title": ("Dates d'arrivée modifiées (24 h) :", "Arrival dates moved (24 h):"),
    "eta.digest_line": ("{code} : {old} → {new} ({reason})", "{code}: {old} → {new} ({reason})"),
    "admin.usage.eta": (
        "/eta TD-2026-01 15/01/2027 motif (ex. congestion au port)",
        "/eta TD-2026-01 15/01/2027 reason (e.g. port congestion)",
    ),
    "admin.invalid.eta_unreadable": (
        "Date illisible : écrivez-la jj/mm/aaaa. {usage}",
        "Unreadable date: write it dd/mm/yyyy. {usage}",
    ),
    "admin.invalid.eta_past": (
        "Date refusée : elle est déjà passée. {usage}",
        "Date refused: it is already past. {usage}",
    ),
    "admin.invalid.eta_too_far": (
        "Date refusée : plus d'un an à l'avance. {usage}",
        "Date refused: more than a year ahead. {usage}",
    ),
    "admin.invalid.eta_no_reason": (
        "Donnez le motif du changement après la date. {usage}",
        "Give the reason for the change after the date. {usage}",
    ),
    "admin.invalid.eta_reason_too_long": (
        "Motif trop long : 200 caractères au plus. {usage}",
        "Reason too long: 200 characters at most. {usage}",
    ),
    "admin.invalid.eta_delivered": (
        "Ce conteneur est déjà livré : sa date d'arrivée ne change plus. {usage}",
        "This container is already delivered: its arrival date no longer changes. {usage}",
    ),
    "admin.invalid.eta_unchanged": (
        "C'est déjà la date d'arrivée estimée de ce conteneur. {usage}",
        "That is already this container's estimated arrival date. {usage}",
    ),
    # Issue 14 — a human to talk to (support tickets)
    "support.admin_sent": (
        "✅ Réponse envoyée à {trader} ({ticket}).",
        "✅ Answer sent to {trader} ({ticket}).",
    ),
    "support.admin_closed_done": (
        "✅ Demande {ticket} fermée ; {trader} est prévenu(e) et le bot reprend la main.",
        "✅ Request {ticket} closed; {trader} is told and the bot takes over again.",
    ),
    "support.admin_unknown": (
        "Demande {ticket} inconnue : rien n'a été envoyé. /tickets liste les demandes ouvertes.",
        "Unknown request {ticket}: nothing was sent. /tickets lists the open requests.",
    ),
    "support.admin_already_closed": (
        "La demande {ticket} est déjà fermée : rien n'a été envoyé.",
        "Request {ticket} is already closed: nothing was sent.",
    ),
    "support.admin_text_only": (
        "Seul du texte part au commerçant : rien n'a été envoyé. Répondez à la fiche par écrit.",
        "Only text goes to the trader: nothing was sent. Reply to the card in writing.",
    ),
    "support.admin_none": ("Aucune demande ouverte.", "No open request."),
    "support.admin_list_title": ("Demandes ouvertes ({count}) :", "Open requests ({count}):"),
    "support.admin_more": ("… et {count:other}.", "… and {count:other}."),
    "support.pending_title": (
        "Demandes de commerçants sans réponse :",
        "Traders' requests without an answer:",
    ),
    "support.admin_reminder": (
        "⏰ {count:request_unanswered} depuis plus de 2 h ({tickets} ; la "
        "plus ancienne depuis le {oldest}). /tickets pour les voir.",
        "⏰ {count:request_unanswered} for over 2 h ({tickets}; the oldest since "
        "{oldest}). /tickets to see them.",
    ),
    "admin.usage.repondre": (
        "/repondre T12 votre réponse (ou répondez à la fiche de la demande)",
        "/repondre T12 your answer (or reply to the request's card)",
    ),
    "admin.usage.fermer": (
        "/fermer T12 (ou /fermer en réponse à la fiche)",
        "/fermer T12 (or /fermer as a reply to the card)",
    ),
    "admin.usage.tickets": ("/tickets", "/tickets"),
    "admin.invalid.unreadable_ticket": (
        "Numéro de demande illisible (ex. T12) : rien n'a été fait. {usage}",
        "Unreadable request number (e.g. T12): nothing was done. {usage}",
    ),
    "admin.invalid.empty_text": (
        "Réponse vide : rien n'a été envoyé. {usage}",
        "Empty answer: nothing was sent. {usage}",
    ),
    "admin.invalid.text_too_long": (
        "Réponse trop longue (1 000 caractères au plus) : rien n'a été envoyé. {usage}",
        "Answer too long (1,000 characters at most): nothing was sent. {usage}",
    ),
    # Issue 14 — warehouse receipt and re-measure; deposit and balance; the trader ledger
    "admin.proof_kind": ("Paiement : {kind} — {amount}", "Payment: {kind} — {amount}"),
    "admin.usage.reception": (
        "/reception C00042 3,4 [cartons] (photo en légende, ou juste après)",
        "/reception C00042 3.4 [cartons] (photo as the caption, or right after)",
    ),
    "admin.invalid.measure_not_positive": (
        "Volume refusé : il doit être supérieur à 0. {usage}",
        "Volume refused: it must be above 0. {usage}",
    ),
    "admin.invalid.measure_over_capacity": (
        "Volume refusé : plus grand que la capacité du conteneur. {usage}",
        "Volume refused: larger than the container's capacity. {usage}",
    ),
    "admin.invalid.receipt_not_paid": (
        "Réception refusée : cette commande n'est pas payée. {usage}",
        "Receipt refused: this order is not paid. {usage}",
    ),
    "admin.invalid.receipt_cancelled": (
        "Réception refusée : cette commande est annulée ou expirée. {usage}",
        "Receipt refused: this order is cancelled or expired. {usage}",
    ),
    "admin.invalid.receipt_already": (
        "Réception refusée : cette commande a déjà été mesurée. {usage}",
        "Receipt refused: this order was measured already. {usage}",
    ),
    "admin.receipt_photo_unreadable": (
        "Photo illisible (JPEG, PNG ou WebP, 5 Mo au plus) : rien n'est enregistré.",
        "Unreadable photo (JPEG, PNG or WebP, 5 MB at most): nothing recorded.",
    ),
    "admin.receipt_photo_yes": ("photo jointe", "photo attached"),
    "admin.receipt_photo_no": (
        "sans photo (envoyez-la maintenant si vous en avez une)",
        "no photo (send it now if you have one)",
    ),
    "admin.receipt_preview": (
        "Réception de {number} ({trader}) : mesuré {measured}, commandé {previous}, "
        "cartons : {cartons}, {photo}.\n{effect}",
        "Receipt of {number} ({trader}): measured {measured}, ordered {previous}, "
        "cartons: {cartons}, {photo}.\n{effect}",
    ),
    "admin.receipt_effect_equal": (
        "Volume conforme : le commerçant reçoit le reçu, rien d'autre ne change.",
        "Volume as ordered: the trader gets the receipt, nothing else changes.",
    ),
    "admin.receipt_effect_larger": (
        "Nouveau total {total} (+{difference}) ; {volume} de plus réservés dans {code} ; le "
        "commerçant accepte ou conteste.",
        "New total {total} (+{difference}); {volume} more reserved in {code}; the trader "
        "accepts or contests.",
    ),
    "admin.receipt_effect_smaller": (
        "Nouveau total {total} (−{difference}) ; {volume} libérés dans {code} ; {difference} "
        "crédités au commerçant.",
        "New total {total} (−{difference}); {volume} released in {code}; {difference} credited "
        "to the trader.",
    ),
    "admin.receipt_no_room": (
        "⚠️ {code} n'a pas la place pour le surplus (reste {remaining}). Choisissez :",
        "⚠️ {code} has no room for the extra ({remaining} left). Choose:",
    ),
    "admin.receipt_move": (
        "🚢 Mettre la commande sur le conteneur suivant",
        "🚢 Move the order to the next container",
    ),
    "admin.receipt_refuse": ("✋ Refuser le surplus", "✋ Refuse the extra"),
    "admin.receipt_done_done": (
        "✅ Réception de {number} enregistrée ({measured}, conteneur {code}). Le commerçant "
        "est prévenu.",
        "✅ Receipt of {number} recorded ({measured}, container {code}). The trader is told.",
    ),
    "admin.receipt_done_awaiting": (
        "✅ Réception de {number} enregistrée ({measured}, conteneur {code}) : {difference} de "
        "plus, en attente de la réponse du commerçant.",
        "✅ Receipt of {number} recorded ({measured}, container {code}): {difference} more, "
        "awaiting the trader's answer.",
    ),
    "admin.receipt_done_extra_refused": (
        "✅ Réception de {number} enregistrée ({measured}) : surplus refusé, seul le volume "
        "commandé voyage dans {code}. Le commerçant est prévenu.",
        "✅ Receipt of {number} recorded ({measured}): extra refused, only the ordered volume "
        "travels in {code}. The trader is told.",
    ),
    "admin.receipt_contested": (
        "⚠️ Mesure contestée par le commerçant — commande {number} : commandé {previous}, "
        "mesuré {measured}, différence {difference}. /commande {number} pour le détail.",
        "⚠️ Measure contested by the trader — order {number}: ordered {previous}, measured "
        "{measured}, difference {difference}. /commande {number} for the details.",
    ),
    # Issue 15 — container cancellation, the balance statement, refunds, the supplier directory
    "admin.help_issue15": (
        "/annuler_conteneur CODE raison — annuler un conteneur en collecte (crédit aux "
        "commerçants)\n"
        "/solde +224… — le solde d'un commerçant ; /credit +224… MONTANT raison — le créditer\n"
        "/remboursements — demandes ouvertes ; /rembourse R3 RÉFÉRENCE — remboursement versé\n"
        "/fournisseur ajouter|modifier|recommander|retirer|liste|importer — l'annuaire",
        "/annuler_conteneur CODE reason — cancel a collecting container (traders credited)\n"
        "/solde +224… — a trader's balance; /credit +224… AMOUNT reason — credit them\n"
        "/remboursements — open requests; /rembourse R3 REFERENCE — refund paid\n"
        "/fournisseur ajouter|modifier|recommander|retirer|liste|importer — the directory",
    ),
    "admin.usage.annuler_conteneur": (
        "/annuler_conteneur TD-2026-01 raison de l'annulation",
        "/annuler_conteneur TD-2026-01 reason for cancelling",
    ),
    "admin.usage.solde": ("/solde +224620123456", "/solde +224620123456"),
    "admin.usage.credit": (
        "/credit +224620123456 50000 raison",
        "/credit +224620123456 50000 reason",
    ),
    "admin.usage.rembourse": ("/rembourse R3 OM-123456", "/rembourse R3 OM-123456"),
    "admin.usage.fournisseur": (
        "/fournisseur ajouter Nom | Ville | catégorie | +86… ou wechat:ID | note ; "
        "/fournisseur modifier 3 champ valeur ; /fournisseur recommander 3 ; "
        "/fournisseur retirer 3 ; /fournisseur liste [catégorie] ; /fournisseur importer",
        "/fournisseur ajouter Name | City | category | +86… or wechat:ID | note; "
        "/fournisseur modifier 3 field value; /fournisseur recommander 3; "
        "/fournisseur retirer 3; /fournisseur liste [category]; /fournisseur importer",
    ),
    "admin.cancel_already": (
        "Le conteneur {code} est déjà annulé : rien n'a changé.",
        "Container {code} is already cancelled: nothing changed.",
    ),
    "admin.cancel_not_collecting": (
        "Le conteneur {code} n'est plus en collecte (parti en mer ou après) : il ne peut pas "
        "être annulé.",
        "Container {code} is no longer collecting (at sea or later): it cannot be cancelled.",
    ),
    "admin.cancel_proof_pending": (
        "Une preuve de paiement attend une décision (commande {number}) : validez-la ou "
        "rejetez-la d'abord (/attente). Rien n'a changé.",
        "A payment proof awaits a decision (order {number}): approve or reject it first "
        "(/attente). Nothing changed.",
    ),
    "admin.cancel_trader_line": (
        "• {name} ({phone}) — {orders} — crédit {credit}",
        "• {name} ({phone}) — {orders} — credit {credit}",
    ),
    "admin.cancel_no_orders": ("(aucune commande active)", "(no active order)"),
    "admin.cancel_preview": (
        "Annuler le conteneur {code} ? Raison : {reason}\n"
        "{orders:order_cancelled} ({traders:trader}), volume libéré ; crédit "
        "total {total} :\n{lines}\nChaque commerçant est prévenu une fois.",
        "Cancel container {code}? Reason: {reason}\n"
        "{orders:order_cancelled} ({traders:trader}), volume released; total credit "
        "{total}:\n{lines}\nEach trader is told once.",
    ),
    "admin.cancel_done": (
        "✅ Conteneur {code} annulé par {admin} : {traders:trader_notified}, {total} crédités.",
        "✅ Container {code} cancelled by {admin}: {traders:trader_notified}, {total} credited.",
    ),
    "admin.cancel_opened": (
        "Le conteneur {code} est ouvert pour les prochaines commandes.",
        "Container {code} is open for the next orders.",
    ),
    "admin.trader_unknown": (
        "Aucun commerçant avec le numéro {phone}.",
        "No trader with phone {phone}.",
    ),
    "admin.balance_title": (
        "💰 {name} ({phone}) — solde {amount}",
        "💰 {name} ({phone}) — balance {amount}",
    ),
    "admin.balance_line": (
        "• {date} · {reason} {detail} · {amount}",
        "• {date} · {reason} {detail} · {amount}",
    ),
    "admin.balance_refund_open": (
        "Remboursement {number} de {amount} demandé, pas encore versé.",
        "Refund {number} of {amount} requested, not paid yet.",
    ),
    "admin.credit_preview": (
        "Créditer {amount} à {name} ({phone}) ? Raison : {reason}",
        "Credit {amount} to {name} ({phone})? Reason: {reason}",
    ),
    "admin.credit_done": (
        "✅ {amount} crédités à {name}. Le commerçant est prévenu.",
        "✅ {amount} credited to {name}. The trader is told.",
    ),
    "admin.refund_request": (
        "💸 Demande de remboursement {number} : {trader} ({phone}), {amount}. Une fois versé "
        "par mobile money : /rembourse {number} RÉFÉRENCE",
        "💸 Refund request {number}: {trader} ({phone}), {amount}. Once paid by mobile money: "
        "/rembourse {number} REFERENCE",
    ),
    "admin.refunds_title": ("Remboursements demandés :", "Refunds requested:"),
    "admin.refunds_none": ("Aucun remboursement en attente.", "No refund waiting."),
    "admin.refund_line": (
        "• {number} — {name} — {amount} — {date}",
        "• {number} — {name} — {amount} — {date}",
    ),
    "admin.refund_unknown": ("Remboursement {number} inconnu.", "Unknown refund {number}."),
    "admin.refund_preview": (
        "Marquer le remboursement {number} versé ? {name} ({phone}), {amount}, référence "
        "{reference}. Solde actuel : {balance}.",
        "Mark refund {number} paid? {name} ({phone}), {amount}, reference {reference}. "
        "Balance now: {balance}.",
    ),
    "admin.refund_done": (
        "✅ Remboursement {number} de {amount} enregistré. Le commerçant est prévenu.",
        "✅ Refund {number} of {amount} recorded. The trader is told.",
    ),
    "admin.invalid.invalid_phone": (
        "Ce n'est pas un numéro de téléphone. {usage}",
        "That is not a phone number. {usage}",
    ),
    "admin.invalid.amount_not_positive": (
        "Le montant doit être un nombre de GNF plus grand que zéro. {usage}",
        "The amount must be a number of GNF above zero. {usage}",
    ),
    "admin.invalid.refund_over_balance": (
        "Ce remboursement dépasse le solde du commerçant : rien n'a changé.",
        "This refund is more than the trader's balance: nothing changed.",
    ),
    "admin.invalid.refund_already_paid": (
        "Ce remboursement est déjà versé : rien n'a changé.",
        "This refund is already paid: nothing changed.",
    ),
    "admin.invalid.unreadable_refund": (
        "Numéro de remboursement illisible. {usage}",
        "Unreadable refund number. {usage}",
    ),
    "admin.invalid.unreadable_reference": (
        "Référence mobile money illisible (3 à 64 lettres, chiffres ou tirets). {usage}",
        "Unreadable mobile-money reference (3 to 64 letters, digits or dashes). {usage}",
    ),
    "admin.invalid.supplier_category": (
        "Catégorie inconnue (textile, chaussures, téléphones, électronique, électroménager, "
        "cosmétiques, meubles, quincaillerie, pièces auto, jouets, alimentation, emballage, "
        "divers). {usage}",
        "Unknown category (textile, chaussures, telephones, electronique, electromenager, "
        "cosmetiques, meubles, quincaillerie, pieces auto, jouets, alimentation, emballage, "
        "divers). {usage}",
    ),
    "admin.invalid.bad_contact": (
        "Le contact n'est ni un numéro de téléphone valide ni un identifiant WeChat "
        "(wechat:ID). {usage}",
        "The contact is neither a valid phone number nor a WeChat id (wechat:ID). {usage}",
    ),
    "admin.invalid.supplier_name": (
        "Le nom doit faire 2 à 80 caractères. {usage}",
        "The name must be 2 to 80 characters. {usage}",
    ),
    "admin.invalid.supplier_city": (
        "La ville doit faire 2 à 40 caractères. {usage}",
        "The city must be 2 to 40 characters. {usage}",
    ),
    "admin.invalid.supplier_note": (
        "La note fait au plus 200 caractères. {usage}",
        "The note is 200 characters at most. {usage}",
    ),
    "admin.invalid.supplier_duplicate": (
        "{name} ({city}) est déjà dans l'annuaire : rien n'a changé.",
        "{name} ({city}) is already in the directory: nothing changed.",
    ),
    "admin.invalid.supplier_duplicate_in_file": (
        "Le fichier contient deux fois le fournisseur « {name} » : rien n'a été importé.",
        "The file holds supplier “{name}” twice: nothing was imported.",
    ),
    "admin.invalid.csv_columns": (
        "Colonnes manquantes dans le CSV : {missing} (attendu : nom, ville, categorie, contact, "
        "et note, recommande en option). Rien n'a été importé.",
        "Columns missing from the CSV: {missing} (expected: nom, ville, categorie, contact, and "
        "optionally note, recommande). Nothing was imported.",
    ),
    "admin.invalid.csv_unreadable": (
        "Ce fichier n'est pas un CSV lisible (UTF-8, 1 Mo au plus). Rien n'a été importé.",
        "This file is not a readable CSV (UTF-8, 1 MB at most). Nothing was imported.",
    ),
    "admin.invalid.csv_too_long": (
        "Le CSV a plus de 2 000 lignes : coupez-le en plusieurs fichiers. Rien n'a été importé.",
        "The CSV has more than 2,000 lines: split it into several files. Nothing was imported.",
    ),
    "admin.invalid.credit_reason": (
        "Donnez une raison de 3 à 200 caractères. {usage}",
        "Give a reason of 3 to 200 characters. {usage}",
    ),
    "admin.supplier_csv_line": (
        "Ligne {line} du CSV : {problem} Rien n'a été importé.",
        "CSV line {line}: {problem} Nothing was imported.",
    ),
    "admin.supplier_problem.supplier_category": ("catégorie inconnue.", "unknown category."),
    "admin.supplier_problem.bad_contact": (
        "le contact n'est ni un téléphone ni un identifiant WeChat.",
        "the contact is neither a phone nor a WeChat id.",
    ),
    "admin.supplier_problem.supplier_name": ("nom vide ou trop long.", "name empty or too long."),
    "admin.supplier_problem.supplier_city": (
        "ville vide ou trop longue.",
        "city empty or too long.",
    ),
    "admin.supplier_problem.supplier_note": ("note trop longue.", "note too long."),
    "admin.supplier_photo_unreadable": (
        "Cette photo n'est pas une image lisible : rien n'a été ajouté.",
        "This photo is not a readable image: nothing was added.",
    ),
    "admin.supplier_added": (
        "✅ Fournisseur {id} ajouté : {name}.",
        "✅ Supplier {id} added: {name}.",
    ),
    "admin.supplier_unknown": ("Fournisseur {id} inconnu.", "Unknown supplier {id}."),
    "admin.supplier_changed": ("✅ Fournisseur modifié :", "✅ Supplier changed:"),
    "admin.supplier_removed": (
        "✅ Fournisseur {id} retiré : {name}.",
        "✅ Supplier {id} removed: {name}.",
    ),
    "admin.supplier_line": (
        "{id}. {star}{name} ({city}) — {category} — {contact}",
        "{id}. {star}{name} ({city}) — {category} — {contact}",
    ),
    "admin.supplier_none": ("Aucun fournisseur.", "No supplier."),
    "admin.supplier_send_csv": (
        "Envoyez le fichier CSV (colonnes nom, ville, categorie, contact, note, recommande).",
        "Send the CSV file (columns nom, ville, categorie, contact, note, recommande).",
    ),
    "admin.supplier_imported": (
        "✅ {count:supplier_imported}.",
        "✅ {count:supplier_imported}.",
    ),
    # Issue 14 — the whole voyage simulated (python -m bot simulate-voyage)
    "voyage.title": (
        "Simulation de voyage — conteneur {code}",
        "Voyage simulation — container {code}",
    ),
    "voyage.orders": (
        "Commerçants : {traders} — commandes : {count} — acompte à la commande : {percent} %",
        "Traders: {traders} — orders: {count} — deposit at order time: {percent} %",
    ),
    "voyage.volume": (
        "Volume commandé : {ordered} → mesuré à l'entrepôt : {measured} (capacité {capacity})",
        "Volume ordered: {ordered} → measured at the warehouse: {measured} (capacity {capacity})",
    ),
    "voyage.measures": (
        "Mesures : {larger} plus grandes, {smaller} plus petites, {equal} égales ; contestée "
        "puis acceptée : {contested}",
        "Measures: {larger} larger, {smaller} smaller, {equal} equal; contested then "
        "accepted: {contested}",
    ),
    "voyage.money": (
        "Facturé : {billed} ; payé : {paid} en {count:approved_payment}",
        "Billed: {billed}; paid: {paid} in {count:approved_payment}",
    ),
    "voyage.credits": (
        "Crédits : {given} crédités, {used} utilisés, {left} restants",
        "Credits: {given} credited, {used} used, {left} left",
    ),
    "voyage.eta": (
        "Arrivée estimée : {dates} ({delays} retards annoncés)",
        "Estimated arrival: {dates} ({delays} delays announced)",
    ),
    "voyage.check_capacity": (
        "place occupée = somme des volumes mesurés des commandes actives",
        "space used = sum of the measured volumes of the active orders",
    ),
    "voyage.check_terms": (
        "chaque total = devis recalculé au volume mesuré avec ses conditions figées",
        "each total = quote re-computed at the measured volume with its frozen terms",
    ),
    "voyage.check_books": (
        "grands livres équilibrés (solde = somme des écritures ; payé = facturé + crédit "
        "restant) et plus rien à payer",
        "ledgers balance (balance = sum of the entries; paid = billed + credit left) and "
        "nothing left to pay",
    ),
    "voyage.check_eta": (
        "chaque retard annoncé à tous les commerçants du conteneur, dernière date gardée",
        "each delay announced to every trader of the container, last date kept",
    ),
    "voyage.check_delivered": (
        "conteneur livré, toutes les commandes chargées",
        "container delivered, every order loaded",
    ),
}
