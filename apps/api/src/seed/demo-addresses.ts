/**
 * ~2,000 invented addresses of Gemeente Voorbeeld for the address register: generated, not downloaded, and the
 * same on every run (a seeded PRNG). Postcodes fall in the demo districts' ranges; RD coordinates lie in a box
 * around Loosdrecht (where 123x postcodes really are), one block of streets per district. The file goes through
 * the ordinary import, so validation and the RD → WGS84 conversion are the register's own.
 */

/** The demo districts' postcode ranges (DEMO_AREAS in demo.ts) with each district's centre in RD metres. */
const DISTRICTS = [
  { from: 1230, centre: [131_000, 468_000] },
  { from: 1235, centre: [131_000, 470_500] },
  { from: 1240, centre: [133_500, 468_000] },
  { from: 1245, centre: [131_000, 465_500] },
  { from: 1250, centre: [128_500, 468_000] },
] as const;

const STREETS = [
  'Dorpsstraat',
  'Molenweg',
  'Kerkplein',
  'Havenkade',
  'Beukenlaan',
  'Marktstraat',
  'Eikenlaan',
  'Lindelaan',
  'Schoolstraat',
  'Stationsweg',
  'Julianastraat',
  'Beatrixlaan',
  'Wilhelminastraat',
  'Prins Bernhardlaan',
  'Irenestraat',
  'Vaartweg',
  'Zuiderstraat',
  'Noordereinde',
  'Oostereind',
  'Westdijk',
  'Rozenstraat',
  'Tulpstraat',
  'Narcislaan',
  'Dahliastraat',
  'Kastanjelaan',
  'Populierenweg',
  'Wilgenhof',
  'Berkenhof',
  'Merelstraat',
  'Lijsterbes',
  'Zwanenpad',
  'Reigerstraat',
  'Ganzenweide',
  'Kievitlaan',
  'Sluiskade',
  'Brugstraat',
  'Poldermolen',
  'Rietkraag',
  'Plassenweg',
  'Veenpad',
];

/** Letter pairs a postcode may have (no F, I, O, Q, U, Y; never SA, SD, SS). */
const LETTERS = ['AB', 'CD', 'EG', 'HJ'];

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** 5 districts × 5 postcode numbers × 4 letter pairs × 20 houses = 2,000 addresses, as an import file. */
export function demoAddressCsv(): string {
  const random = mulberry32(20_261_206);
  const lines = ['postcode;huisnummer;toevoeging;straat;woonplaats;x;y'];
  DISTRICTS.forEach((district, d) => {
    for (let n = 0; n < 5; n++) {
      // One street per postcode number; each letter pair is the next stretch of it (20 houses, both sides).
      const street = STREETS[d * 8 + n]!;
      const angle = random() * Math.PI;
      const startX = district.centre[0] + (random() - 0.5) * 2_000;
      const startY = district.centre[1] + (random() - 0.5) * 2_000;
      LETTERS.forEach((letters, l) => {
        for (let i = 0; i < 20; i++) {
          const houseNumber = l * 20 + i + 1;
          const along = (houseNumber / 2) * 9 + random() * 2;
          const side = houseNumber % 2 ? 12 : -12;
          const x = startX + Math.cos(angle) * along - Math.sin(angle) * side;
          const y = startY + Math.sin(angle) * along + Math.cos(angle) * side;
          const addition = random() < 0.03 ? 'A' : '';
          lines.push(
            `${district.from + n}${letters};${houseNumber};${addition};${street};Voorbeeld;${x.toFixed(2)};${y.toFixed(2)}`,
          );
        }
      });
    }
  });
  return `${lines.join('\n')}\n`;
}
