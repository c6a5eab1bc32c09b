"""Every sentence a person reads, French first, English second.

`t(key, lang, **values)` picks the language (French when unknown) and fills the values.
Amounts arrive already formatted by bot.text.formatting.
"""

from __future__ import annotations

from domain.errors import DeliveryFailed, OtpError, OtpInvalid, OtpLocked, OtpRateLimited

MESSAGES: dict[str, tuple[str, str]] = {
    # Names
    "category.electronique": ("ÉLECTRONIQUE", "ELECTRONICS"),
    "category.textile": ("TEXTILE", "TEXTILES"),
    "category.divers": ("DIVERS", "MISCELLANEOUS"),
    "stage.collecte": ("collecte en Chine", "collecting in China"),
    "stage.mer": ("en mer", "at sea"),
    "stage.port": ("arrivé au port de Conakry (douane)", "at Conakry port (customs)"),
    "stage.livre": ("disponible / livré", "available / delivered"),
    "progress.reserved": ("réservée, en attente de paiement", "reserved, awaiting payment"),
    "progress.proof_submitted": ("preuve envoyée, en vérification", "proof sent, being checked"),
    "progress.paid": ("payée", "paid"),
    "progress.shipped": ("payée, en mer", "paid, at sea"),
    "progress.arrived": ("payée, arrivée au port", "paid, arrived at port"),
    "progress.delivered": ("payée, disponible / livrée", "paid, available / delivered"),
    "progress.expired": ("expirée (volume libéré)", "expired (volume released)"),
    "progress.cancelled": ("annulée", "cancelled"),
    # Menu
    "menu.quote": ("📦 Nouveau devis", "📦 New quote"),
    "menu.orders": ("🧾 Mes commandes", "🧾 My orders"),
    "menu.proof": ("📸 Envoyer une preuve", "📸 Send a payment proof"),
    "menu.container": ("🚢 Conteneur", "🚢 Container"),
    "menu.help": ("❓ Aide", "❓ Help"),
    "menu.language": ("🌐 Langue / Language", "🌐 Language / Langue"),
    "menu.prompt": ("Que voulez-vous faire ?", "What would you like to do?"),
    "hint": (
        "Je n'ai pas compris. Choisissez une option ci-dessous, ou écrivez « menu ».",
        "I did not understand. Pick an option below, or type “menu”.",
    ),
    "help": (
        "Tontine Digitale regroupe vos marchandises de Chine dans un conteneur partagé "
        "jusqu'à Conakry.\n"
        "1. Demandez un devis (catégorie, volume en CBM, prix en Yuan).\n"
        "2. Commandez : votre volume est réservé {hours} h.\n"
        "3. Payez par mobile money et envoyez la photo du reçu.\n"
        "À tout moment : « menu » pour le menu, « annuler » pour arrêter.",
        "Tontine Digitale groups your goods from China in a shared container to Conakry.\n"
        "1. Ask for a quote (category, volume in CBM, price in Yuan).\n"
        "2. Order: your volume is held for {hours} h.\n"
        "3. Pay by mobile money and send a photo of the receipt.\n"
        "Any time: “menu” for the menu, “cancel” to stop.",
    ),
    "cancelled": ("C'est annulé. Rien n'a été enregistré.", "Cancelled. Nothing was saved."),
    "flow.back_to_question": ("↩️ Reprenons : {question}", "↩️ Back to it: {question}"),
    "stale_button": (
        "Ce bouton n'est plus valable. Voici le menu.",
        "This button is no longer valid. Here is the menu.",
    ),
    "too_long": (
        "Votre message est trop long. Répondez en quelques mots, s'il vous plaît.",
        "Your message is too long. Please answer in a few words.",
    ),
    "busy": (
        "Un instant, je traite encore votre message précédent. Réessayez dans quelques secondes.",
        "One moment, I am still handling your previous message. Try again in a few seconds.",
    ),
    "outage.wait": (
        "⏳ Un problème technique nous ralentit. Votre message est bien gardé : nous y "
        "répondrons dès que possible. Si c'est urgent, réessayez dans un instant.",
        "⏳ A technical problem is slowing us down. Your message is kept: we will answer it as "
        "soon as we can. If it is urgent, try again in a moment.",
    ),
    "error": (
        "Désolé, un problème technique est survenu. Rien n'a été perdu : réessayez dans un "
        "instant.",
        "Sorry, a technical problem occurred. Nothing was lost: try again in a moment.",
    ),
    "bug.sorry": (
        "Désolé, un problème technique m'a empêché de traiter votre dernier message. L'équipe "
        "est prévenue ; réessayez dans un moment ou écrivez « menu ».",
        "Sorry, a technical problem kept me from handling your last message. The team has "
        "been told; try again in a moment or type “menu”.",
    ),
    "bug.notification_sorry": (
        "Désolé, un message qui vous était destiné n'a pas pu partir à cause d'un problème "
        "technique. L'équipe est prévenue ; « Mes commandes » montre où en sont vos commandes.",
        "Sorry, a message meant for you could not be sent because of a technical problem. The "
        "team has been told; “My orders” shows where your orders stand.",
    ),
    "language.prompt": ("Choisissez votre langue :", "Choose your language:"),
    "language.set": ("C'est noté : je vous parle en français.", "Done: I will speak English."),
    "choice.fr": ("Français", "Français"),
    "choice.en": ("English", "English"),
    "choice.yes": ("Oui", "Yes"),
    "choice.no": ("Non", "No"),
    "choice.cancel": ("❌ Annuler", "❌ Cancel"),
    # Registration
    "reg.welcome": (
        "Bienvenue chez Tontine Digitale ! 🇬🇳\n"
        "Pour commencer, quel est votre nom ? (ex. : Mamadou Diallo)",
        "Welcome to Tontine Digitale! 🇬🇳\nTo start, what is your name? (e.g. Mamadou Diallo)",
    ),
    "reg.bad_name": (
        "Ce nom ne convient pas. Écrivez votre nom et prénom en lettres (ex. : Mamadou Diallo).",
        "That name will not do. Write your full name in letters (e.g. Mamadou Diallo).",
    ),
    "reg.ask_phone": (
        "Merci {name}. Quel est votre numéro de téléphone ? (ex. : 620 12 34 56)",
        "Thank you {name}. What is your phone number? (e.g. 620 12 34 56)",
    ),
    "reg.ask_phone_contact": (
        "Merci {name}. Touchez « Partager mon numéro » ou écrivez votre numéro "
        "(ex. : 620 12 34 56).",
        "Thank you {name}. Tap “Share my number” or type your number (e.g. 620 12 34 56).",
    ),
    "reg.share_contact": ("📱 Partager mon numéro", "📱 Share my number"),
    "reg.confirm_sender": (
        "Merci {name}. Votre numéro est-il le {phone} ?",
        "Thank you {name}. Is your number {phone}?",
    ),
    "reg.other_number": ("Autre numéro", "Another number"),
    "reg.type_phone": (
        "Écrivez votre numéro de téléphone (ex. : 620 12 34 56).",
        "Type your phone number (e.g. 620 12 34 56).",
    ),
    "reg.bad_phone": (
        "Ce numéro n'est pas valide. Exemple : 620 12 34 56 ou +224 620 12 34 56.",
        "That number is not valid. Example: 620 12 34 56 or +224 620 12 34 56.",
    ),
    "reg.not_own_contact": (
        "Merci de partager votre propre numéro, pas celui d'un autre contact.",
        "Please share your own number, not another contact's.",
    ),
    "reg.code_sent": (
        "Un code à 6 chiffres a été envoyé par SMS au {phone}. Écrivez-le ici (valable 5 minutes).",
        "A 6-digit code was sent by SMS to {phone}. Type it here (valid for 5 minutes).",
    ),
    "reg.resend": ("🔁 Renvoyer le code", "🔁 Resend the code"),
    "reg.retry": ("🔁 Réessayer", "🔁 Try again"),
    "reg.code_still_valid": (
        "Le code déjà envoyé au {phone} reste valable : écrivez-le ici.",
        "The code already sent to {phone} is still valid: type it here.",
    ),
    "reg.ask_name": (
        "Quel est votre nom ? (ex. : Mamadou Diallo)",
        "What is your name? (e.g. Mamadou Diallo)",
    ),
    "reg.help": (
        "ℹ️ Pour utiliser Tontine Digitale (devis, commandes, suivi), il faut d'abord créer "
        "votre compte : votre nom, votre numéro, puis le code reçu par SMS. « annuler » pour "
        "arrêter.",
        "ℹ️ To use Tontine Digitale (quotes, orders, tracking), first create your account: "
        "your name, your number, then the code received by SMS. “cancel” to stop.",
    ),
    "reg.change_phone": ("✏️ Changer de numéro", "✏️ Change number"),
    "reg.wait": (
        "Attendez encore {seconds} secondes avant de demander un nouveau code.",
        "Please wait {seconds} more seconds before asking for a new code.",
    ),
    "reg.wait_long": (
        "Trop de codes demandés. Réessayez dans {minutes} minutes.",
        "Too many codes requested. Try again in {minutes} minutes.",
    ),
    "reg.sms_failed": (
        "Le SMS n'a pas pu être envoyé. Vérifiez le numéro ou réessayez dans un instant.",
        "The SMS could not be sent. Check the number or try again in a moment.",
    ),
    "reg.bad_code_format": (
        "Le code contient 6 chiffres. Écrivez-le sans espace, ex. : 123456.",
        "The code has 6 digits. Type it without spaces, e.g. 123456.",
    ),
    "reg.wrong_code": (
        "Code incorrect. Il vous reste {left} essai(s).",
        "Wrong code. You have {left} attempt(s) left.",
    ),
    "reg.code_expired": (
        "Ce code n'est plus valable. Demandez un nouveau code.",
        "This code is no longer valid. Ask for a new code.",
    ),
    "reg.code_locked": (
        "Trop d'essais incorrects. Demandez un nouveau code.",
        "Too many wrong attempts. Ask for a new code.",
    ),
    "reg.done": (
        "✅ Votre compte est actif, {name} !",
        "✅ Your account is active, {name}!",
    ),
    "reg.cancelled": (
        "Inscription annulée. Écrivez-moi quand vous voulez recommencer.",
        "Registration cancelled. Write to me whenever you want to start again.",
    ),
    "sms.code": (
        "Tontine Digitale: votre code est {code}. Valable 5 min. Ne le partagez avec personne.",
        "Tontine Digitale: your code is {code}. Valid 5 min. Do not share it with anyone.",
    ),
    # Quote
    "quote.ask_category": ("Quelle catégorie de marchandises ?", "Which category of goods?"),
    "quote.ask_volume": (
        "Quel volume en CBM (m³) ? Ex. : 2,5",
        "What volume in CBM (m³)? E.g. 2.5",
    ),
    "quote.ask_price": (
        "Quel est le prix des marchandises en Yuan (¥) ? Ex. : 15 000",
        "What is the price of the goods in Yuan (¥)? E.g. 15000",
    ),
    "quote.bad_volume": (
        "Je n'ai pas compris ce volume. Écrivez un nombre de CBM, ex. : 2,5",
        "I could not read that volume. Type a number of CBM, e.g. 2.5",
    ),
    "quote.volume_not_positive": (
        "Le volume doit être plus grand que zéro. Ex. : 0,5",
        "The volume must be more than zero. E.g. 0.5",
    ),
    "quote.volume_too_small": (
        "Le volume minimum est de {minimum}.",
        "The minimum volume is {minimum}.",
    ),
    "quote.volume_too_large": (
        "Un conteneur contient au plus {maximum}. Écrivez un volume plus petit.",
        "A container holds at most {maximum}. Type a smaller volume.",
    ),
    "quote.volume_too_precise": (
        "Donnez le volume avec au plus 3 décimales, ex. : 2,125",
        "Give the volume with at most 3 decimals, e.g. 2.125",
    ),
    "quote.bad_price": (
        "Je n'ai pas compris ce prix. Écrivez un montant en Yuan, ex. : 15 000",
        "I could not read that price. Type an amount in Yuan, e.g. 15000",
    ),
    "quote.price_not_positive": (
        "Le prix doit être plus grand que zéro.",
        "The price must be more than zero.",
    ),
    "quote.price_too_large": (
        "Ce prix dépasse le maximum de {maximum}. Vérifiez le montant ou contactez-nous.",
        "That price is above the maximum of {maximum}. Check the amount or contact us.",
    ),
    "quote.price_too_precise": (
        "Donnez le prix avec au plus 2 décimales, ex. : 1 234,50",
        "Give the price with at most 2 decimals, e.g. 1234.50",
    ),
    "quote.no_terms": (
        "Les tarifs ne sont pas disponibles pour le moment. Réessayez plus tard.",
        "Prices are not available right now. Try again later.",
    ),
    "quote.summary": (
        "🧮 Devis — {category}, {volume}\n"
        "Marchandises : {price} × {rate} = {goods}\n"
        "Commission de service ({commission_pct}) : {commission}\n"
        "Logistique ({volume}) : {logistics}\n"
        "   (transport Chine → Conakry, dédouanement, livraison à Conakry)\n"
        "💰 Total à payer : {total}\n"
        "Taux du {rate_date} : 1 ¥ = {rate}\n"
        "Conteneur {code} : {bar} — reste {remaining}",
        "🧮 Quote — {category}, {volume}\n"
        "Goods: {price} × {rate} = {goods}\n"
        "Service commission ({commission_pct}): {commission}\n"
        "Logistics ({volume}): {logistics}\n"
        "   (shipping China → Conakry, customs clearance, delivery in Conakry)\n"
        "💰 Total to pay: {total}\n"
        "Rate of {rate_date}: 1 ¥ = {rate}\n"
        "Container {code}: {bar} — {remaining} left",
    ),
    "quote.next_steps": (
        "Pour réserver ce volume, choisissez « Commander ».",
        "To reserve this volume, choose “Order”.",
    ),
    "quote.order": ("✅ Commander", "✅ Order"),
    "quote.edit": ("✏️ Modifier", "✏️ Change"),
    "quote.changed": (
        "Les tarifs ont changé depuis votre devis. Voici le nouveau devis :",
        "Prices changed since your quote. Here is the new quote:",
    ),
    # Understanding the trader's own words (bot/text/understanding.py, issue 11)
    "quote.understood": ("Compris : {summary}", "Understood: {summary}"),
    "quote.confirm_divers": (
        "« {word} » : je classe ces marchandises en DIVERS. C'est bien ça ? Sinon, choisissez "
        "la catégorie.",
        "“{word}”: I put these goods in MISCELLANEOUS. Is that right? If not, pick the category.",
    ),
    "quote.yes_divers": ("✅ Oui, DIVERS", "✅ Yes, MISCELLANEOUS"),
    "quote.price_which": (
        "Le prix des marchandises est-il de {first} ou de {second} ?",
        "Is the price of the goods {first} or {second}?",
    ),
    "quote.price_check": (
        "Le prix de toutes les marchandises est-il bien de {price} ?",
        "Is the price of all the goods really {price}?",
    ),
    "quote.price_yes": ("✅ Oui, {price}", "✅ Yes, {price}"),
    "quote.price_other": ("✏️ Corriger le prix", "✏️ Change the price"),
    "quote.price_not_volume": (
        "C'est un prix, pas un volume. Quel volume en CBM (m³) ? Ex. : 2,5",
        "That is a price, not a volume. What volume in CBM (m³)? E.g. 2.5",
    ),
    "quote.volume_not_price": (
        "C'est un volume, pas un prix. Quel est le prix des marchandises en Yuan (¥) ? "
        "Ex. : 15 000",
        "That is a volume, not a price. What is the price of the goods in Yuan (¥)? E.g. 15000",
    ),
    "talk.hello": (
        "Bonjour ! 👋 Que voulez-vous faire ? Pour un devis rapide, écrivez par exemple "
        "« 3 cbm tissu 10000 yuan ».",
        "Hello! 👋 What would you like to do? For a quick quote, write for example "
        "“3 cbm fabric 10000 yuan”.",
    ),
    "talk.thanks": ("Avec plaisir ! 🙏 Autre chose ?", "You are welcome! 🙏 Anything else?"),
    "order.full": (
        "Il ne reste que {remaining} dans le conteneur {code}. Mettre votre commande de "
        "{volume} sur le conteneur suivant ({next_code}) ?",
        "Only {remaining} is left in container {code}. Put your {volume} order on the next "
        "container ({next_code})?",
    ),
    "order.next_container": ("🚢 Oui, conteneur suivant", "🚢 Yes, next container"),
    "order.change_volume": ("✏️ Changer le volume", "✏️ Change the volume"),
    "order.placed": (
        "✅ Commande {number} enregistrée : {volume} réservés dans le conteneur {code}.\n"
        "Pour payer, envoyez exactement {total} par mobile money au {momo_number} "
        "({momo_name}), avec la référence « {number} ».\n"
        "Ensuite, envoyez-moi la photo du reçu (menu « Envoyer une preuve »).\n"
        "⏳ Sans paiement avant le {deadline}, la réservation sera libérée.",
        "✅ Order {number} recorded: {volume} reserved in container {code}.\n"
        "To pay, send exactly {total} by mobile money to {momo_number} ({momo_name}), "
        "with the reference “{number}”.\n"
        "Then send me a photo of the receipt (menu “Send a payment proof”).\n"
        "⏳ Without payment by {deadline}, the reservation will be released.",
    ),
    "order.container_closed": (
        "Ce conteneur n'accepte plus de commandes. Demandez un nouveau devis.",
        "That container no longer takes orders. Ask for a new quote.",
    ),
    # My orders
    "orders.none": (
        "Vous n'avez pas encore de commande. Demandez un devis pour commencer.",
        "You have no order yet. Ask for a quote to start.",
    ),
    "orders.title": ("🧾 Vos commandes :", "🧾 Your orders:"),
    "orders.line": (
        "{number} — {category}, {volume}, {total} — conteneur {code} — {progress}",
        "{number} — {category}, {volume}, {total} — container {code} — {progress}",
    ),
    "orders.more": ("… et {count} commande(s) plus ancienne(s).", "… and {count} older order(s)."),
    "orders.cancel_button": ("Annuler {number}", "Cancel {number}"),
    "orders.confirm_cancel": (
        "Annuler la commande {number} ({volume}, {total}) ? Le volume sera libéré.",
        "Cancel order {number} ({volume}, {total})? The volume will be released.",
    ),
    "orders.cancel_yes": ("Oui, annuler la commande", "Yes, cancel the order"),
    "orders.keep": ("Non, la garder", "No, keep it"),
    "orders.kept": (
        "D'accord, la commande {number} est gardée.",
        "All right, order {number} is kept.",
    ),
    "orders.cancel_one": ("🗑 Annuler une commande", "🗑 Cancel an order"),
    "orders.which_cancel": ("Quelle commande annuler ?", "Which order should be cancelled?"),
    "orders.none_to_cancel": (
        "Aucune commande ne peut être annulée : seules celles qui attendent leur paiement le "
        "peuvent.",
        "No order can be cancelled: only those awaiting payment can.",
    ),
    "orders.cancelled": ("Commande {number} annulée.", "Order {number} cancelled."),
    "orders.cannot_cancel": (
        "La commande {number} ne peut plus être annulée ({progress}).",
        "Order {number} can no longer be cancelled ({progress}).",
    ),
    # Container
    "container.status": (
        "🚢 Conteneur {code} — {stage}\n{bar}\n{used} sur {capacity} — reste {remaining}",
        "🚢 Container {code} — {stage}\n{bar}\n{used} of {capacity} — {remaining} left",
    ),
    # Proof
    "proof.none": (
        "Aucune commande n'attend de paiement. Les commandes déjà payées ou en vérification "
        "sont dans « Mes commandes ».",
        "No order is awaiting payment. Orders already paid or being checked are in “My orders”.",
    ),
    "proof.being_checked": (
        "⏳ Votre preuve de paiement ({numbers}) est en cours de vérification par notre équipe. "
        "Vous serez prévenu dès la décision ; inutile de la renvoyer.",
        "⏳ Your payment proof ({numbers}) is being checked by our team. You will be told as "
        "soon as it is decided; no need to send it again.",
    ),
    "proof.pick": ("Pour quelle commande ?", "For which order?"),
    "proof.order_choice": ("{number} — {total}", "{number} — {total}"),
    "proof.ask_photo": (
        "Envoyez la photo (capture d'écran) du reçu mobile money pour la commande {number} "
        "({total}). Vous pouvez écrire la référence de la transaction en légende.",
        "Send the photo (screenshot) of the mobile-money receipt for order {number} ({total}). "
        "You may write the transaction reference as the caption.",
    ),
    "proof.need_photo": (
        "J'attends une photo du reçu (JPEG, PNG ou WebP). Ou écrivez « annuler ».",
        "I am waiting for a photo of the receipt (JPEG, PNG or WebP). Or type “cancel”.",
    ),
    "proof.not_an_image": (
        "Ce fichier n'est pas une photo lisible. Envoyez une photo JPEG, PNG ou WebP.",
        "That file is not a readable picture. Send a JPEG, PNG or WebP photo.",
    ),
    "proof.too_large": (
        "Cette image dépasse 5 Mo. Envoyez une capture d'écran plus légère.",
        "That image is over 5 MB. Send a lighter screenshot.",
    ),
    "proof.empty": (
        "L'image reçue est vide. Renvoyez la photo, s'il vous plaît.",
        "The image arrived empty. Please send the photo again.",
    ),
    "proof.kept_unreadable": (
        "Ce fichier n'est pas une photo lisible. Je l'ai gardé avec la commande {number} pour "
        "l'administrateur ; envoyez aussi une photo du reçu (JPEG, PNG ou WebP).",
        "That file is not a readable picture. I kept it with order {number} for the "
        "administrator; please also send a photo of the receipt (JPEG, PNG or WebP).",
    ),
    "proof.already_submitted": (
        "Une preuve pour cette commande est déjà en vérification. Vous serez prévenu.",
        "A proof for this order is already being checked. You will be told.",
    ),
    "proof.not_waiting": (
        "Cette commande n'attend plus de paiement ({progress}).",
        "This order is no longer awaiting payment ({progress}).",
    ),
    "proof.received": (
        "📨 Preuve reçue pour la commande {number}. Un administrateur va la vérifier ; "
        "vous serez prévenu ici.",
        "📨 Proof received for order {number}. An administrator will check it; you will be "
        "told here.",
    ),
    "proof.ask_reference": (
        "Si vous avez la référence de la transaction (ex. : MP231125.1234.A56789), "
        "écrivez-la. Sinon choisissez « Passer ».",
        "If you have the transaction reference (e.g. MP231125.1234.A56789), type it. "
        "Otherwise choose “Skip”.",
    ),
    "proof.skip": ("Passer", "Skip"),
    "proof.bad_reference": (
        "Cette référence n'est pas lisible. Écrivez lettres et chiffres, ou « Passer ».",
        "That reference is not readable. Type letters and digits, or “Skip”.",
    ),
    "proof.reference_saved": (
        "Référence {reference} ajoutée à votre preuve.",
        "Reference {reference} added to your proof.",
    ),
    # Notifications to traders
    "notify.approved": (
        "✅ Paiement validé pour la commande {number}. Votre marchandise voyagera dans le "
        "conteneur {code}. Merci !",
        "✅ Payment approved for order {number}. Your goods will travel in container {code}. "
        "Thank you!",
    ),
    "notify.rejected": (
        "❌ Preuve refusée pour la commande {number} : {reason}.\n"
        "Envoyez une nouvelle preuve avant le {deadline} (menu « Envoyer une preuve »).",
        "❌ Proof refused for order {number}: {reason}.\n"
        "Send a new proof before {deadline} (menu “Send a payment proof”).",
    ),
    "notify.stage": (
        "🚢 Conteneur {code} : {stage}. Suivez vos commandes avec « Mes commandes ».",
        "🚢 Container {code}: {stage}. Follow your orders in “My orders”.",
    ),
    "notify.expired": (
        "⌛ La réservation de la commande {number} ({volume}) a expiré faute de paiement : le "
        "volume est libéré. Vous pouvez commander à nouveau depuis le menu.",
        "⌛ The reservation of order {number} ({volume}) expired without payment: the volume is "
        "released. You may order again from the menu.",
    ),
    "notify.milestone": (
        "📦 Le conteneur {code} est rempli à {pct} % (reste {remaining}).",
        "📦 Container {code} is {pct}% full ({remaining} left).",
    ),
    "notify.payment_reminder": (
        "⏳ Rappel : la commande {number} attend votre paiement de {total} au {momo}. "
        "Envoyez la photo du reçu avant le {deadline}, sinon le volume sera libéré.",
        "⏳ Reminder: order {number} awaits your payment of {total} to {momo}. Send the "
        "receipt photo before {deadline}, or the volume will be released.",
    ),
    "notify.announcement": ("📢 Tontine Digitale : {text}", "📢 Tontine Digitale: {text}"),
    # WhatsApp
    "wa.answer_with_number": ("Répondez avec le numéro de votre choix.", "Reply with the number."),
    "wa.list_button": ("Choisir", "Choose"),
    "wa.media_failed": (
        "Je n'ai pas pu récupérer votre photo. Renvoyez-la, s'il vous plaît.",
        "I could not fetch your photo. Please send it again.",
    ),
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
        "⏰ {count} preuve(s) de paiement attendent depuis plus de 2 h (la plus ancienne : "
        "{oldest}). /attente pour les voir.",
        "⏰ {count} payment proof(s) have waited more than 2 h (oldest: {oldest}). "
        "/attente to see them.",
    ),
    "admin.rate_stale": (
        "⚠️ Le taux 1 ¥ = {rate} GNF date du {date} : plus de 24 h. /taux VALEUR pour le "
        "mettre à jour.",
        "⚠️ The rate 1 ¥ = {rate} GNF dates from {date}: over 24 h. /taux VALUE to update it.",
    ),
    "admin.digest": (
        "☀️ Bilan du {date}\n{containers}\nCommandes en attente de paiement : "
        "{orders_waiting}\nPreuves à vérifier : {proofs_waiting} (cartes non remises : "
        "{undelivered}, voir /attente)\nHier : {count} commande(s), facturé {billed}, "
        "marge {margin}",
        "☀️ Digest for {date}\n{containers}\nOrders awaiting payment: {orders_waiting}\n"
        "Proofs to check: {proofs_waiting} (cards not delivered: {undelivered}, see "
        "/attente)\nYesterday: {count} order(s), billed {billed}, margin {margin}",
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
    "group.private_only": (
        "👋 Pour un devis ou une commande, écrivez-moi en message privé : ouvrez mon profil "
        "et touchez « Envoyer un message ».",
        "👋 For a quote or an order, write to me in a private chat: open my profile and tap "
        "“Send message”.",
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
        "{code} — {stage}\n{bar} — {used} / {capacity} — {orders} commande(s)",
        "{code} — {stage}\n{bar} — {used} / {capacity} — {orders} order(s)",
    ),
    "admin.no_container": ("Aucun conteneur.", "No container."),
    "admin.container_unknown": ("Conteneur {code} inconnu.", "Unknown container {code}."),
    "admin.stage_confirm": (
        "Passer {code} de « {current} » à « {next} » ? {count} commerçant(s) seront prévenus.",
        "Move {code} from “{current}” to “{next}”? {count} trader(s) will be told.",
    ),
    "admin.stage_last": (
        "{code} est déjà à la dernière étape.",
        "{code} is already at the last stage.",
    ),
    "admin.stage_done": (
        "✅ {code} : {stage} (par {admin}). {count} commerçant(s) vont être prévenus.",
        "✅ {code}: {stage} (by {admin}). {count} trader(s) will be told.",
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
        "📊 {code} — {stage}\nVolume : {volume} / {capacity} — {orders} commande(s)\n"
        "Facturé : {billed}\nMarge : {margin} ({rate})\n{lines}",
        "📊 {code} — {stage}\nVolume: {volume} / {capacity} — {orders} order(s)\n"
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
        "Envoyer à {count} commerçant(s) ?\n« {text} »",
        "Send to {count} trader(s)?\n“{text}”",
    ),
    "admin.announce_sent": (
        "📢 Annonce en cours d'envoi à {count} commerçant(s).",
        "📢 Announcement on its way to {count} trader(s).",
    ),
    "admin.announce_empty": ("Personne à prévenir.", "Nobody to tell."),
    "admin.export": ("📄 {count} commande(s) exportée(s).", "📄 {count} order(s) exported."),
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
    "telegram.image_unavailable": (
        "📎 L'image n'a pas pu être affichée ici. /commande avec le numéro pour le détail.",
        "📎 The image could not be shown here. /commande with the number for the details.",
    ),
    "telegram.number_received": ("✔ Numéro reçu.", "✔ Number received."),
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
        "  {category} : {count} commandes, {volume}, facturé {billed}, marge {margin}",
        "  {category}: {count} orders, {volume}, billed {billed}, margin {margin}",
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
    "eta.notify_set": (
        "📅 Conteneur {code} : arrivée estimée à Conakry le {new}.\nMotif : {reason}",
        "📅 Container {code}: estimated arrival at Conakry on {new}.\nReason: {reason}",
    ),
    "eta.notify_moved": (
        "📅 Conteneur {code} : la date d'arrivée estimée à Conakry change.\n"
        "Avant : {old}\nMaintenant : {new}\nMotif : {reason}",
        "📅 Container {code}: the estimated arrival date at Conakry changes.\n"
        "Before: {old}\nNow: {new}\nReason: {reason}",
    ),
    "eta.notify_departed": (
        "🚢 Conteneur {code} : {stage}. Arrivée estimée à Conakry : {eta}. Suivez vos "
        "commandes avec « Mes commandes ».",
        "🚢 Container {code}: {stage}. Estimated arrival at Conakry: {eta}. Follow your "
        "orders in “My orders”.",
    ),
    "eta.status": (
        "\n📅 Arrivée estimée à Conakry : {eta}",
        "\n📅 Estimated arrival at Conakry: {eta}",
    ),
    "eta.order": (" — arrivée estimée le {eta}", " — estimated arrival {eta}"),
    "eta.admin_line": ("📅 Arrivée estimée : {eta}", "📅 Estimated arrival: {eta}"),
    "eta.none": ("aucune", "none"),
    "eta.preview": (
        "Date d'arrivée estimée de {code} à Conakry : {old} → {new}\nMotif : {reason}\n"
        "{count} commerçant(s) seront prévenus.",
        "Estimated arrival of {code} at Conakry: {old} → {new}\nReason: {reason}\n"
        "{count} trader(s) will be told.",
    ),
    "eta.done": (
        "✅ {code} : arrivée estimée le {new} (par {admin}). {count} commerçant(s) vont être "
        "prévenus.",
        "✅ {code}: estimated arrival {new} (by {admin}). {count} trader(s) will be told.",
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
    # Issue 14 — PDF receipts
    "receipt.caption": (
        "🧾 Reçu de paiement {receipt} — commande {number}. Vérifiable en ligne par son code "
        "QR jusqu'au {until}.",
        "🧾 Payment receipt {receipt} — order {number}. It can be checked online through its QR "
        "code until {until}.",
    ),
    "receipt.usage": (
        "Pour recevoir un reçu, écrivez /recu suivi du numéro de commande, par exemple "
        "/recu C00001.",
        "To get a receipt, type /recu followed by the order number, for example /recu C00001.",
    ),
    "receipt.unknown_order": (
        "Je ne trouve pas de commande {number} à votre nom.",
        "I cannot find an order {number} in your name.",
    ),
    "receipt.none_yet": (
        "La commande {number} n'a pas encore de paiement validé, donc pas de reçu.",
        "Order {number} has no approved payment yet, so no receipt.",
    ),
    "receipt.title": ("Reçu de paiement", "Payment receipt"),
    "receipt.issuer": (
        "Tontine Digitale — groupage Chine → Conakry",
        "Tontine Digitale — China → Conakry groupage",
    ),
    "receipt.number": ("Reçu n°", "Receipt no."),
    "receipt.date": ("Date", "Date"),
    "receipt.order": ("Commande", "Order"),
    "receipt.trader": ("Commerçant", "Trader"),
    "receipt.container": ("Conteneur", "Container"),
    "receipt.category": ("Catégorie", "Category"),
    "receipt.volume": ("Volume", "Volume"),
    "receipt.goods_cny": ("Marchandises", "Goods"),
    "receipt.rate": ("Taux", "Rate"),
    "receipt.rate_value": ("1 ¥ = {rate} (taux du {date})", "1 ¥ = {rate} (rate of {date})"),
    "receipt.goods_gnf": ("Marchandises en GNF", "Goods in GNF"),
    "receipt.commission": ("Commission ({pct})", "Commission ({pct})"),
    "receipt.logistics": ("Logistique", "Logistics"),
    "receipt.total": ("Total de la commande", "Order total"),
    "receipt.kind": ("Paiement", "Payment"),
    "receipt.kind.full": ("totalité de la commande", "the whole order"),
    "receipt.kind.deposit": ("acompte", "deposit"),
    "receipt.kind.balance": ("solde", "balance"),
    "receipt.kind.difference": (
        "différence après mesure à l'entrepôt",
        "difference after the warehouse measure",
    ),
    "receipt.paid": ("Montant payé", "Amount paid"),
    "receipt.reference": ("Référence du paiement", "Payment reference"),
    "receipt.no_reference": ("—", "—"),
    "receipt.remaining": ("Reste à payer", "Remaining due"),
    "receipt.verify": (
        "Vérifiez ce reçu en scannant le code QR (jusqu'au {until}) :",
        "Check this receipt by scanning the QR code (until {until}):",
    ),
    "receipt.page_title": (
        "Reçu de paiement — Tontine Digitale",
        "Payment receipt — Tontine Digitale",
    ),
    "receipt.valid": ("Reçu valide", "Valid receipt"),
    "receipt.not_found_title": ("Reçu introuvable", "Receipt not found"),
    "receipt.not_found": (
        "Ce lien ne correspond à aucun reçu valide.",
        "This link matches no valid receipt.",
    ),
    "receipt.too_many_title": ("Trop de demandes", "Too many requests"),
    "receipt.too_many": (
        "Trop de demandes depuis votre adresse. Réessayez dans une minute.",
        "Too many requests from your address. Try again in a minute.",
    ),
    # Issue 14 — a human to talk to (support tickets)
    "menu.support": ("🙋 Parler à un conseiller", "🙋 Talk to an adviser"),
    "support.leave": ("↩️ Revenir au menu", "↩️ Back to the menu"),
    "support.ask": (
        "🙋 Un conseiller de l'équipe va vous répondre ici. Écrivez votre question (vous "
        "pouvez joindre une photo) :",
        "🙋 An adviser from the team will answer you here. Write your question (you may add "
        "a photo):",
    ),
    "support.opened": (
        "✉️ C'est transmis à un conseiller (demande {ticket}). Il vous répond ici dès que "
        "possible. Ajoutez des messages ou des photos si besoin ; « menu » pour revenir au bot.",
        "✉️ Passed on to an adviser (request {ticket}). They will answer you here as soon as "
        "they can. Add messages or photos if needed; “menu” to go back to the bot.",
    ),
    "support.relayed": ("✉️ Transmis au conseiller ({ticket}).", "✉️ Passed on ({ticket})."),
    "support.resume": (
        "🙋 Votre demande {ticket} est toujours ouverte : écrivez ici, vos messages et photos "
        "sont transmis au conseiller.",
        "🙋 Your request {ticket} is still open: write here, your messages and photos go to "
        "the adviser.",
    ),
    "support.left": (
        "Vous avez quitté la conversation avec le conseiller. Votre demande {ticket} reste "
        "ouverte : sa réponse arrivera ici.",
        "You left the conversation with the adviser. Your request {ticket} stays open: their "
        "answer will arrive here.",
    ),
    "support.left_empty": (
        "Rien n'a été envoyé au conseiller. Voici le menu.",
        "Nothing was sent to the adviser. Here is the menu.",
    ),
    "support.not_relayed": (
        "Je ne peux transmettre au conseiller que du texte et des photos. Écrivez votre "
        "message, s'il vous plaît.",
        "I can only pass text and photos on to the adviser. Please write your message.",
    ),
    "support.closed_meanwhile": (
        "Votre demande vient d'être close : ce message n'a pas été transmis. « Parler à un "
        "conseiller » pour en ouvrir une autre.",
        "Your request has just been closed: this message was not passed on. “Talk to an "
        "adviser” to open another one.",
    ),
    "support.answer": (
        "💬 Réponse du conseiller (demande {ticket}) :\n{text}\n\nPour lui répondre, écrivez "
        "ici (ou « conseiller » si vous êtes revenu au menu).",
        "💬 The adviser's answer (request {ticket}):\n{text}\n\nTo answer, write here (or "
        "“conseiller” if you went back to the menu).",
    ),
    "support.answer_named": (
        "💬 Réponse de {admin}, conseiller (demande {ticket}) :\n{text}\n\nPour lui "
        "répondre, écrivez ici (ou « conseiller » si vous êtes revenu au menu).",
        "💬 Answer from {admin}, adviser (request {ticket}):\n{text}\n\nTo answer, write "
        "here (or “conseiller” if you went back to the menu).",
    ),
    "support.closed": (
        "✅ Votre demande {ticket} est close. Le bot reprend la main : « menu » pour les "
        "options, « conseiller » pour une nouvelle demande.",
        "✅ Your request {ticket} is closed. The bot is back: “menu” for the options, "
        "“conseiller” for a new request.",
    ),
    "support.card": (
        "🙋 Demande {ticket} — {trader} ({phone})\nCanal : {channel}\nDernière commande : "
        "{order}\nOuverte le {date}\n\n{text}\n\n↩️ Répondez à ce message pour répondre au "
        "commerçant, ou /repondre {ticket} texte ; /fermer {ticket} pour clore.",
        "🙋 Request {ticket} — {trader} ({phone})\nChannel: {channel}\nLatest order: "
        "{order}\nOpened {date}\n\n{text}\n\n↩️ Reply to this message to answer the "
        "trader, or /repondre {ticket} text; /fermer {ticket} to close it.",
    ),
    "support.card_no_order": ("aucune", "none"),
    "support.card_order": ("{number} ({code}, {state})", "{number} ({code}, {state})"),
    "support.relay": ("💬 {ticket} · {trader} :\n{text}", "💬 {ticket} · {trader}:\n{text}"),
    "support.photo": ("📷 (photo)", "📷 (photo)"),
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
    "support.admin_line": (
        "{ticket} · {trader} · {channel} · {state}",
        "{ticket} · {trader} · {channel} · {state}",
    ),
    "support.admin_waiting_since": ("sans réponse depuis le {date}", "unanswered since {date}"),
    "support.admin_late": ("⏰ sans réponse depuis le {date}", "⏰ unanswered since {date}"),
    "support.admin_answered": ("répondu le {date}", "answered {date}"),
    "support.admin_more": ("… et {count} autre(s).", "… and {count} more."),
    "support.pending_title": (
        "Demandes de commerçants sans réponse :",
        "Traders' requests without an answer:",
    ),
    "support.admin_reminder": (
        "⏰ {count} demande(s) de commerçants sans réponse depuis plus de 2 h ({tickets} ; la "
        "plus ancienne depuis le {oldest}). /tickets pour les voir.",
        "⏰ {count} trader request(s) unanswered for over 2 h ({tickets}; the oldest since "
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
    "progress.received": ("payée, reçue à l'entrepôt", "paid, received at the warehouse"),
    "progress.adjusted": (
        "payée, volume ajusté à l'entrepôt",
        "paid, volume adjusted at the warehouse",
    ),
    "progress.contested": ("mesure contestée, en examen", "measure contested, under review"),
    "progress.loaded": ("chargée dans le conteneur", "loaded in the container"),
    "proof_kind.full": ("paiement total", "full payment"),
    "proof_kind.deposit": ("acompte", "deposit"),
    "proof_kind.balance": ("solde", "balance"),
    "proof_kind.difference": ("différence de mesure", "measure difference"),
    "money.amount": ("Montant à payer : {amount}", "Amount to pay: {amount}"),
    "money.statement": (
        "Montant : {amount}, crédit utilisé : −{credit}, reste à payer : {to_pay}",
        "Amount: {amount}, credit used: −{credit}, left to pay: {to_pay}",
    ),
    "order.deposit": (
        "Acompte : {deposit} sur un total de {total} ; le solde ({balance}) sera dû après la "
        "mesure de vos marchandises à l'entrepôt.",
        "Deposit: {deposit} of a total of {total}; the balance ({balance}) will be due once "
        "your goods are measured at the warehouse.",
    ),
    "order.placed_by_credit": (
        "✅ Commande {number} enregistrée : {volume} réservés dans le conteneur {code}. "
        "Votre crédit couvre le montant dû : rien à payer maintenant.",
        "✅ Order {number} recorded: {volume} reserved in container {code}. Your credit covers "
        "the amount due: nothing to pay now.",
    ),
    "orders.due": (" — à payer : {amount}", " — to pay: {amount}"),
    "orders.credit": (
        "💰 Votre crédit : {amount} (utilisé automatiquement sur votre prochain paiement)",
        "💰 Your credit: {amount} (used automatically on your next payment)",
    ),
    "orders.awaiting_answer": (
        " — mesure à accepter ou contester",
        " — measure to accept or contest",
    ),
    "orders.accept": ("✅ Accepter la mesure {number}", "✅ Accept the measure {number}"),
    "orders.contest": ("⚠️ Contester la mesure {number}", "⚠️ Contest the measure {number}"),
    "warehouse.title": (
        "📦 Réception à l'entrepôt — commande {number}\n"
        "Volume mesuré : {measured} — cartons : {cartons}",
        "📦 Received at the warehouse — order {number}\n"
        "Measured volume: {measured} — cartons: {cartons}",
    ),
    "warehouse.done_equal": (
        "Le volume est conforme à votre commande.",
        "The volume matches your order.",
    ),
    "warehouse.done_smaller": (
        "Volume inférieur à la commande ({previous}) : nouveau total {total} (avant : {before}). "
        "La différence, {difference}, est créditée sur votre solde.",
        "Smaller than ordered ({previous}): new total {total} (before: {before}). The "
        "difference, {difference}, is credited to your balance.",
    ),
    "warehouse.awaiting_larger": (
        "Volume supérieur à la commande ({previous}) : nouveau total {total} (avant : {before}), "
        "différence à payer : {difference}. Acceptez-vous cette mesure ? (aussi dans « Mes "
        "commandes »)",
        "Larger than ordered ({previous}): new total {total} (before: {before}), difference to "
        "pay: {difference}. Do you accept this measure? (also in “My orders”)",
    ),
    "warehouse.accepted_larger": (
        "Volume supérieur à la commande ({previous}) : nouveau total {total} (avant : {before}), "
        "différence : {difference} (mesure acceptée).",
        "Larger than ordered ({previous}): new total {total} (before: {before}), difference: "
        "{difference} (measure accepted).",
    ),
    "warehouse.contested_larger": (
        "Volume supérieur à la commande ({previous}) : nouveau total {total} (avant : {before}). "
        "Mesure contestée : notre équipe l'examine.",
        "Larger than ordered ({previous}): new total {total} (before: {before}). Measure "
        "contested: our team is looking into it.",
    ),
    "warehouse.extra_refused_larger": (
        "Volume supérieur à la commande ({previous}) mais le conteneur n'a plus de place : "
        "seuls {previous} voyagent, le surplus reste à l'entrepôt. Rien ne change à votre "
        "total ; notre équipe vous contactera.",
        "Larger than ordered ({previous}) but the container has no room left: only {previous} "
        "travels, the extra stays at the warehouse. Your total does not change; our team will "
        "contact you.",
    ),
    "warehouse.send_proof": (
        "Envoyez la photo du reçu de paiement (menu « Envoyer une preuve »).",
        "Send a photo of the payment receipt (menu “Send a payment proof”).",
    ),
    "warehouse.accept": ("✅ Accepter", "✅ Accept"),
    "warehouse.contest": ("⚠️ Contester", "⚠️ Contest"),
    "warehouse.accepted": (
        "✅ Mesure acceptée pour la commande {number}.\n{statement}\n"
        "Envoyez la photo du reçu de paiement (menu « Envoyer une preuve »).",
        "✅ Measure accepted for order {number}.\n{statement}\n"
        "Send a photo of the payment receipt (menu “Send a payment proof”).",
    ),
    "warehouse.accepted_nothing": (
        "✅ Mesure acceptée pour la commande {number}. Rien à payer maintenant.",
        "✅ Measure accepted for order {number}. Nothing to pay now.",
    ),
    "warehouse.contest_ticket": (
        "Je conteste la mesure de la commande {number} (réception à l'entrepôt).",
        "I contest the measure of order {number} (warehouse receipt).",
    ),
    "warehouse.contested": (
        "Votre contestation de la mesure de la commande {number} est transmise à notre équipe, "
        "qui vous répondra ici.",
        "Your objection to the measure of order {number} was passed to our team, who will "
        "answer you here.",
    ),
    "warehouse.already_answered": (
        "Cette mesure a déjà reçu votre réponse.",
        "You already answered about this measure.",
    ),
    "notify.later_payment_approved": (
        "✅ Paiement validé pour la commande {number} (conteneur {code}). Reste à payer : "
        "{remaining}.",
        "✅ Payment approved for order {number} (container {code}). Left to pay: {remaining}.",
    ),
    "notify.later_rejected": (
        "❌ Preuve refusée pour la commande {number} : {reason}.\n"
        "Envoyez une nouvelle preuve (menu « Envoyer une preuve »).",
        "❌ Proof refused for order {number}: {reason}.\n"
        "Send a new proof (menu “Send a payment proof”).",
    ),
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
    "stage.annule": ("annulé par l'importateur", "cancelled by the importer"),
    "menu.balance": ("💰 Mon solde", "💰 My balance"),
    "menu.suppliers": ("🏭 Fournisseurs", "🏭 Suppliers"),
    "ledger.kind.remeasure_credit": ("Volume mesuré plus petit", "Smaller measured volume"),
    "ledger.kind.credit_used": ("Crédit utilisé", "Credit used"),
    "ledger.kind.credit_restored": ("Crédit rendu", "Credit given back"),
    "ledger.kind.cancellation": ("Conteneur annulé", "Container cancelled"),
    "ledger.kind.adjustment": ("Ajustement", "Adjustment"),
    "ledger.kind.refund": ("Remboursement", "Refund"),
    "balance.title": ("💰 Votre solde : {amount}", "💰 Your balance: {amount}"),
    "balance.last": ("Dernières opérations :", "Latest entries:"),
    "balance.line": ("• {date} · {reason} · {amount}", "• {date} · {reason} · {amount}"),
    "balance.no_entries": ("Aucune opération pour l'instant.", "No entries yet."),
    "balance.how_used": (
        "Votre crédit sera utilisé automatiquement sur votre prochaine commande : il est "
        "déduit du montant à payer, ligne par ligne. Vous pouvez aussi demander un "
        "remboursement.",
        "Your credit will be used automatically on your next order: it is taken off the "
        "amount to pay, line by line. You may also ask for a refund.",
    ),
    "balance.refund_open": (
        "Remboursement {number} de {amount} demandé : l'équipe vous le verse par mobile money.",
        "Refund {number} of {amount} requested: the team pays it by mobile money.",
    ),
    "balance.ask_refund": ("💸 Demander un remboursement", "💸 Ask for a refund"),
    "balance.keep": ("👍 Garder le crédit", "👍 Keep the credit"),
    "balance.kept": (
        "C'est noté : votre crédit est gardé et sera utilisé sur votre prochaine commande.",
        "Noted: your credit is kept and will be used on your next order.",
    ),
    "balance.refund_asked": (
        "Demande de remboursement {number} de {amount} envoyée. L'équipe vous le verse par "
        "mobile money et vous prévient.",
        "Refund request {number} of {amount} sent. The team pays it by mobile money and will "
        "tell you.",
    ),
    "balance.refused.refund_open": (
        "Votre demande de remboursement {number} est déjà en cours.",
        "Your refund request {number} is already in progress.",
    ),
    "balance.refused.no_credit": (
        "Vous n'avez pas de crédit à rembourser.",
        "You have no credit to refund.",
    ),
    "notify.container_cancelled": (
        "⚠️ Le conteneur {code} est annulé ({reason}). Vos commandes {orders} sont annulées "
        "et {amount} sont crédités sur votre solde.\n"
        "Ce crédit est gardé pour le prochain conteneur (rien à faire), ou demandez un "
        "remboursement.",
        "⚠️ Container {code} is cancelled ({reason}). Your orders {orders} are cancelled and "
        "{amount} is credited to your balance.\n"
        "This credit is kept for the next container (nothing to do), or ask for a refund.",
    ),
    "notify.container_cancelled_unpaid": (
        "⚠️ Le conteneur {code} est annulé ({reason}). Vos commandes {orders} sont annulées ; "
        "rien n'avait été payé, rien n'est dû. Vous pouvez commander dans le prochain "
        "conteneur.",
        "⚠️ Container {code} is cancelled ({reason}). Your orders {orders} are cancelled; "
        "nothing had been paid, nothing is owed. You can order in the next container.",
    ),
    "notify.credit_added": (
        "💰 {amount} crédités sur votre solde ({reason}). « Mon solde » pour le détail.",
        "💰 {amount} credited to your balance ({reason}). “My balance” for the details.",
    ),
    "notify.refund_paid": (
        "💸 Remboursement {number} versé : {amount} par mobile money (référence {reference}).",
        "💸 Refund {number} paid: {amount} by mobile money (reference {reference}).",
    ),
    "supplier_category.textile": ("Textile", "Textiles"),
    "supplier_category.chaussures": ("Chaussures", "Shoes"),
    "supplier_category.telephones": ("Téléphones", "Phones"),
    "supplier_category.electronique": ("Électronique", "Electronics"),
    "supplier_category.electromenager": ("Électroménager", "Home appliances"),
    "supplier_category.cosmetiques": ("Cosmétiques", "Cosmetics"),
    "supplier_category.meubles": ("Meubles", "Furniture"),
    "supplier_category.quincaillerie": ("Quincaillerie", "Hardware"),
    "supplier_category.pieces_auto": ("Pièces auto et moto", "Car and motorbike parts"),
    "supplier_category.jouets": ("Jouets", "Toys"),
    "supplier_category.alimentation": ("Alimentation", "Food"),
    "supplier_category.emballage": ("Emballage", "Packaging"),
    "supplier_category.divers": ("Divers", "Miscellaneous"),
    "suppliers.empty": (
        "L'annuaire des fournisseurs est vide pour l'instant.",
        "The supplier directory is empty for now.",
    ),
    "suppliers.which": ("Quelle catégorie de fournisseurs ?", "Which category of suppliers?"),
    "suppliers.category_choice": ("{category} ({count})", "{category} ({count})"),
    "suppliers.none": (
        "Pas encore de fournisseur en {category}.",
        "No supplier in {category} yet.",
    ),
    "suppliers.title": (
        "🏭 Fournisseurs {category} — page {page}/{pages} ({total} en tout) :",
        "🏭 {category} suppliers — page {page}/{pages} ({total} in all):",
    ),
    "suppliers.line": (
        "• {star}{name} ({city}) — {contact}",
        "• {star}{name} ({city}) — {contact}",
    ),
    "suppliers.recommended": ("⭐ recommandé · ", "⭐ recommended · "),
    "suppliers.photo": ("📷 {name}", "📷 {name}"),
    "suppliers.next": ("➡️ Suivant", "➡️ Next"),
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
        "{orders} commande(s) de {traders} commerçant(s) annulées, volume libéré ; crédit "
        "total {total} :\n{lines}\nChaque commerçant est prévenu une fois.",
        "Cancel container {code}? Reason: {reason}\n"
        "{orders} order(s) of {traders} trader(s) cancelled, volume released; total credit "
        "{total}:\n{lines}\nEach trader is told once.",
    ),
    "admin.cancel_done": (
        "✅ Conteneur {code} annulé par {admin} : {traders} commerçant(s) prévenu(s), {total} "
        "crédités.",
        "✅ Container {code} cancelled by {admin}: {traders} trader(s) told, {total} credited.",
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
        "✅ {count} fournisseur(s) importé(s).",
        "✅ {count} supplier(s) imported.",
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
        "Facturé : {billed} ; payé : {paid} en {count} paiements validés",
        "Billed: {billed}; paid: {paid} in {count} approved payments",
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


def t(key: str, lang: str = "fr", **values: object) -> str:
    french, english = MESSAGES[key]
    template = english if lang == "en" else french
    return template.format(**values) if values else template


def code_problem(error: OtpError | DeliveryFailed, lang: str = "fr") -> str:
    """What to tell someone whose one-time code could not be sent or was not accepted
    (traders registering and admins opening a session alike)."""
    if isinstance(error, OtpRateLimited):
        if error.retry_after_s <= 60:
            return t("reg.wait", lang, seconds=error.retry_after_s)
        return t("reg.wait_long", lang, minutes=-(-error.retry_after_s // 60))
    if isinstance(error, OtpInvalid):
        return t("reg.wrong_code", lang, left=error.attempts_left)
    if isinstance(error, OtpLocked):
        return t("reg.code_locked", lang)
    if isinstance(error, DeliveryFailed):
        return t("reg.sms_failed", lang)
    return t("reg.code_expired", lang)
