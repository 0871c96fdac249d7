/** The words of the compliment notification (the employee's own language). No resident's name or details. */
export const COMPLIMENT_WORDS = {
  nl: {
    subject: 'Je hebt een compliment gekregen',
    body: (grade: number) =>
      `Een inwoner gaf je een ${grade} en schreef er iets aardigs bij.\n\nJe leest het op je teampagina in Voordeur.\n\nGoed gedaan!`,
  },
  en: {
    subject: 'You received a compliment',
    body: (grade: number) =>
      `A resident gave you a ${grade} and added a kind word.\n\nRead it on your team page in Voordeur.\n\nWell done!`,
  },
} as const;
