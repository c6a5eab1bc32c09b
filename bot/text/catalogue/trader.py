"""What traders read, French first, English second: names, menu, registration, quotes,
orders, proofs, notifications, WhatsApp, support, receipts, balance and suppliers.

The admin desk and the operators' sentences are in bot.text.catalogue.admin; both are read
through bot.text.messages.t.
"""

from __future__ import annotations

TRADER: dict[str, tuple[str, str]] = {
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
        "Code incorrect. Il vous reste {left:attempt}.",
        "Wrong code. You have {left:attempt} left.",
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
    "orders.more": ("… et {count:older_order}.", "… and {count:older_order}."),
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
    "wa.too_many": (
        "Vous m'envoyez beaucoup de messages d'un coup : je réponds aux premiers, les suivants "
        "de cette minute sont ignorés. Attendez ma réponse avant d'écrire à nouveau, s'il vous "
        "plaît.",
        "You are sending me many messages at once: I answer the first ones, the next ones this "
        "minute are ignored. Please wait for my answer before writing again.",
    ),
    "wa.message_lost": (
        "Désolé, un problème technique m'a empêché de traiter un de vos messages. L'équipe "
        "est prévenue ; renvoyez-le, s'il vous plaît.",
        "Sorry, a technical problem kept me from handling one of your messages. The team has "
        "been told; please send it again.",
    ),
    # Telegram groups
    "group.private_only": (
        "👋 Pour un devis ou une commande, écrivez-moi en message privé : ouvrez mon profil "
        "et touchez « Envoyer un message ».",
        "👋 For a quote or an order, write to me in a private chat: open my profile and tap "
        "“Send message”.",
    ),
    # What the Telegram channel adds itself
    "telegram.image_unavailable": (
        "📎 L'image n'a pas pu être affichée ici. /commande avec le numéro pour le détail.",
        "📎 The image could not be shown here. /commande with the number for the details.",
    ),
    "telegram.number_received": ("✔ Numéro reçu.", "✔ Number received."),
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
    "support.admin_line": (
        "{ticket} · {trader} · {channel} · {state}",
        "{ticket} · {trader} · {channel} · {state}",
    ),
    "support.admin_waiting_since": ("sans réponse depuis le {date}", "unanswered since {date}"),
    "support.admin_late": ("⏰ sans réponse depuis le {date}", "⏰ unanswered since {date}"),
    "support.admin_answered": ("répondu le {date}", "answered {date}"),
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
}
