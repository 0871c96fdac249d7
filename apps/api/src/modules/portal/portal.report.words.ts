/**
 * The words of the report form (`/p/<slug>/diensten/<code>/melden`, server-rendered, ADR 0022): the questions'
 * parts, the place, "already reported nearby?", the contact details and every refusal. Dutch first, plain language
 * (B1); English.
 */
import type { Language } from '../../platform/public-words.ts';

const nl = {
  lang: 'nl' as Language,
  back: 'Terug naar de uitleg',
  intro: 'Vul de vragen in. Vragen zonder ‘(optioneel)’ moet u invullen.',
  optional: '(optioneel)',
  choose: 'Kies…',
  yes: 'Ja',
  no: 'Nee',
  description: 'Wilt u nog iets vertellen?',
  descriptionHint: 'Schrijf hier alles wat ons helpt.',
  fileHint: (max: number) =>
    `Foto's (JPEG, PNG, WebP, HEIC) of pdf. Hoogstens ${max} bestanden van elk 10 MB.`,
  keptFiles: 'Deze bestanden hebben we al. Haal het vinkje weg als u een bestand niet wilt meesturen.',
  honeypot: 'Laat dit veld leeg',
  expected: (date: string) => `Verstuurt u het vandaag? Dan bent u naar verwachting klaar op ${date}.`,
  submit: 'Versturen',
  elsewhere: 'Dit kunt u niet online regelen. Op de uitleg staat hoe u ons bereikt.',
  errorTitle: 'Er ging iets mis. Kijk naar:',
  contact: {
    legend: 'Uw gegevens',
    name: 'Uw naam',
    reach: 'Hoe wilt u van ons horen?',
    reachHint: 'Wij gebruiken uw gegevens alleen voor deze vraag of melding.',
    reachChoice: {
      email: 'Per e-mail',
      phone: 'Per telefoon: wij bellen als we vragen hebben',
      post: 'Per brief',
    } as Record<string, string>,
    email: 'Uw e-mailadres',
    emailHint: 'U krijgt hier een bevestiging en bericht over de voortgang.',
    phone: 'Uw telefoonnummer',
    phoneHint: 'U krijgt geen bevestiging per e-mail. Wij bellen als dat nodig is.',
    postHint: 'U krijgt een brief met de bevestiging en bericht over de voortgang.',
    street: 'Straat',
    houseNumber: 'Huisnummer',
    addition: 'Toevoeging',
    postcode: 'Postcode',
    city: 'Plaats',
    onlyChosen: 'Vul alleen in wat hoort bij uw keuze hierboven.',
  },
  location: {
    legend: 'Waar is het?',
    intro:
      'Vul de postcode en het huisnummer in. Weet u de postcode niet? Vul dan de straatnaam in. Met ‘Zoek adres’ ziet u of wij het adres kennen.',
    postcode: 'Postcode',
    postcodeHelp: 'Bijvoorbeeld 1234 AB.',
    street: 'Of: straatnaam',
    streetHelp: 'Alleen als u de postcode niet weet.',
    number: 'Huisnummer',
    find: 'Zoek adres',
    chooseAddress: (n: number) =>
      n >= 20
        ? 'Er zijn veel adressen. Dit zijn de eerste 20. Vul ook het huisnummer in, of kies hieronder.'
        : `We vonden ${n} adressen. Kies het goede adres.`,
    chosen: 'Gekozen plek:',
    description: 'Omschrijving van de plek',
    descriptionHelp: 'Bijvoorbeeld: tegenover de bakker, bij de derde lantaarnpaal.',
    mapIntro: 'Of kies de plek op de kaart: klik erop, of schuif de kaart tot het kruis op de plek staat.',
    mapLabel:
      'Kaart. Verschuif de kaart met de pijltjestoetsen. Het kruis in het midden is de plek die u kiest.',
    pickCentre: 'Kies de plek onder het kruis',
  },
  nearby: {
    title: 'Is dit al gemeld?',
    seeThem: 'Bekijk ze en volg er een, of verstuur uw eigen melding.',
    intro: (count: number, metres: number) =>
      count === 1
        ? `Er is al 1 melding van hetzelfde probleem binnen ${metres} meter van deze plek.`
        : `Er zijn al ${count} meldingen van hetzelfde probleem binnen ${metres} meter van deze plek.`,
    line: (street: string | null, metres: number, date: string, status: string) =>
      `${street ? `${street}, ` : ''}${metres} meter hiervandaan, gemeld op ${date}. Status: ${status}.`,
    email: 'Uw e-mailadres om de melding te volgen',
    emailHelp: 'U krijgt een e-mail als er iets verandert. U kunt altijd stoppen met volgen.',
    follow: (reference: string) => `Volg melding ${reference}`,
    notThis: 'Is het een ander probleem? Vul dan de rest van het formulier in en verstuur uw melding.',
    following: (reference: string) =>
      `U volgt nu melding ${reference}. U hoeft het probleem niet opnieuw te melden. We hebben u een e-mail gestuurd.`,
    followingTitle: 'U volgt de melding',
  },
  errors: {
    required: 'Vul dit in.',
    choose: 'Kies een van de mogelijkheden.',
    number: 'Vul een getal in.',
    date: 'Vul een datum in, zoals 31-12-2026.',
    tooLong: (max: number) => `Dit is te lang. Gebruik hoogstens ${max} tekens.`,
    name: 'Vul uw naam in.',
    email: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.',
    phone: 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.',
    street: 'Vul de straat in.',
    houseNumber: 'Vul een huisnummer in (alleen cijfers).',
    postcode: 'Vul een postcode in, bijvoorbeeld 1234 AB.',
    city: 'Vul de plaats in.',
    place: 'Vul in waar het is: een adres of een omschrijving van de plek.',
    placeNotFound: 'We vinden dit adres niet in onze gemeente. Kijk of u het goed hebt geschreven.',
    placeStreet: 'Vul minstens 2 letters van de straatnaam in.',
    placeOutside: 'Deze plek ligt niet in onze gemeente.',
    placeChoose: 'Kies een van de gevonden adressen.',
    fileRejected: 'Dit bestand kunnen we niet gebruiken. Stuur een foto (JPEG, PNG, WebP, HEIC) of een pdf.',
    fileTooLarge: 'Dit bestand is te groot. Het mag hoogstens 10 MB zijn.',
    tooManyFiles: (max: number) => `Stuur hoogstens ${max} bestanden.`,
    uploadGone: 'Een bestand dat u eerder koos is verlopen. Kies het opnieuw.',
    expired: 'Dit formulier stond te lang open. Kijk uw antwoorden na en verstuur het opnieuw.',
    tooFast: 'Dat ging erg snel. Kijk uw antwoorden na en verstuur het opnieuw.',
    rejected: 'We konden uw formulier niet aannemen. Probeer het opnieuw, of neem contact met ons op.',
    throttled: (minutes: number) =>
      `U heeft veel formulieren verstuurd. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
    notFollowable: 'Deze melding kunt u niet (meer) volgen. Misschien is ze net afgehandeld.',
    followEmail: 'Vul uw e-mailadres in om de melding te volgen.',
  },
};

export type ReportWords = typeof nl;

const en: ReportWords = {
  lang: 'en',
  back: 'Back to the explanation',
  intro: 'Please answer the questions. Questions without ‘(optional)’ are required.',
  optional: '(optional)',
  choose: 'Choose…',
  yes: 'Yes',
  no: 'No',
  description: 'Anything else you want to tell us?',
  descriptionHint: 'Write anything that helps us here.',
  fileHint: (max: number) => `Photos (JPEG, PNG, WebP, HEIC) or PDF. At most ${max} files of 10 MB each.`,
  keptFiles: 'We already have these files. Untick a file you do not want to send.',
  honeypot: 'Leave this field empty',
  expected: (date: string) => `If you send it today, you can expect it to be done by ${date}.`,
  submit: 'Send',
  elsewhere: 'You cannot arrange this online. The explanation says how to reach us.',
  errorTitle: 'Something went wrong. Please check:',
  contact: {
    legend: 'Your details',
    name: 'Your name',
    reach: 'How do you want to hear from us?',
    reachHint: 'We only use your details for this question or report.',
    reachChoice: {
      email: 'By email',
      phone: 'By phone: we call if we have questions',
      post: 'By letter',
    },
    email: 'Your email address',
    emailHint: 'You will get a confirmation and news about the progress here.',
    phone: 'Your phone number',
    phoneHint: 'You will not get a confirmation by email. We call you if needed.',
    postHint: 'You will get a letter with the confirmation and news about the progress.',
    street: 'Street',
    houseNumber: 'House number',
    addition: 'Addition',
    postcode: 'Postcode',
    city: 'Town',
    onlyChosen: 'Only fill in what belongs to your choice above.',
  },
  location: {
    legend: 'Where is it?',
    intro:
      "Enter the postcode and house number. Don't know the postcode? Enter the street name. ‘Find address’ shows whether we know the address.",
    postcode: 'Postcode',
    postcodeHelp: 'For example 1234 AB.',
    street: 'Or: street name',
    streetHelp: 'Only if you do not know the postcode.',
    number: 'House number',
    find: 'Find address',
    chooseAddress: (n: number) =>
      n >= 20
        ? 'There are many addresses. These are the first 20. Also enter the house number, or choose below.'
        : `We found ${n} addresses. Choose the right one.`,
    chosen: 'Chosen place:',
    description: 'Description of the place',
    descriptionHelp: "For example: opposite the baker's, at the third street light.",
    mapIntro: 'Or choose the place on the map: click it, or move the map until the cross is on the place.',
    mapLabel: 'Map. Move the map with the arrow keys. The cross in the middle is the place you choose.',
    pickCentre: 'Choose the place under the cross',
  },
  nearby: {
    title: 'Already reported?',
    seeThem: 'See them and follow one, or send your own report.',
    intro: (count: number, metres: number) =>
      count === 1
        ? `There is already 1 report of the same problem within ${metres} metres of this place.`
        : `There are already ${count} reports of the same problem within ${metres} metres of this place.`,
    line: (street: string | null, metres: number, date: string, status: string) =>
      `${street ? `${street}, ` : ''}${metres} metres from here, reported on ${date}. Status: ${status}.`,
    email: 'Your email address to follow the report',
    emailHelp: 'We email you when something changes. You can stop following at any time.',
    follow: (reference: string) => `Follow report ${reference}`,
    notThis: 'Is it a different problem? Then fill in the rest of the form and send your report.',
    following: (reference: string) =>
      `You now follow report ${reference}. You don't need to report the problem again. We have sent you an email.`,
    followingTitle: 'You follow the report',
  },
  errors: {
    required: 'Please fill this in.',
    choose: 'Choose one of the options.',
    number: 'Enter a number.',
    date: 'Enter a date, such as 31-12-2026.',
    tooLong: (max: number) => `This is too long. Use at most ${max} characters.`,
    name: 'Enter your name.',
    email: 'Enter a valid email address, for example name@example.com.',
    phone: 'Enter a valid phone number, for example 06 12345678.',
    street: 'Enter the street.',
    houseNumber: 'Enter a house number (digits only).',
    postcode: 'Enter a postcode, for example 1234 AB.',
    city: 'Enter the town.',
    place: 'Say where it is: an address or a description of the place.',
    placeNotFound: 'We cannot find this address in our municipality. Check the spelling.',
    placeStreet: 'Enter at least 2 letters of the street name.',
    placeOutside: 'This place is not in our municipality.',
    placeChoose: 'Choose one of the addresses found.',
    fileRejected: 'We cannot use this file. Send a photo (JPEG, PNG, WebP, HEIC) or a PDF.',
    fileTooLarge: 'This file is too large. It may be 10 MB at most.',
    tooManyFiles: (max: number) => `Send at most ${max} files.`,
    uploadGone: 'A file you chose earlier has expired. Please choose it again.',
    expired: 'This form was open too long. Check your answers and send it again.',
    tooFast: 'That was very fast. Check your answers and send it again.',
    rejected: 'We could not accept your form. Please try again, or contact us.',
    throttled: (minutes: number) =>
      `You have sent many forms. Please try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`,
    notFollowable: 'You cannot follow this report (any more). Perhaps it was just dealt with.',
    followEmail: 'Enter your email address to follow the report.',
  },
};

export const REPORT_WORDS: Record<Language, ReportWords> = { nl, en };
