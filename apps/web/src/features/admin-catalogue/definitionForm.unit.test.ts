import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CatalogueItemDefinition, catalogueItemDefinitionSchema } from '@voordeur/shared';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, nl } from '../../i18n/staffWords.ts';
import {
  attachErrors,
  buildDefinition,
  checkDefinition,
  type EditorState,
  editorFields,
  FLAT_KEYS,
  fieldId,
  newIntakeRow,
  newStatusRow,
  newTransitionRow,
  optionValue,
  parseCents,
  parseEnglishOptions,
  resolveErrorKey,
  ruleMessage,
  templateDefinition,
  toEditorState,
} from './definitionForm.ts';

/** Says which text was asked for and with what: `key {"param":"value"}`. */
const keyT = ((key: string, params?: Record<string, unknown>) =>
  params ? `${key} ${JSON.stringify(params)}` : key) as unknown as TFunction;

/** The interface's own words, as the app has them. */
const wordsIn = (lng: 'nl' | 'en') => {
  const instance = i18next.createInstance();
  void instance.init({
    resources: { nl: { translation: nl }, en: { translation: en } },
    lng,
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
};
const dutch = wordsIn('nl');
const english = wordsIn('en');
/** i18next answers a key it does not know with the key itself. */
const unworded = (text: string) => /^(catalogueAdmin|catalogue|validation)\.[\w.]+/.test(text);

/** A definition that uses every part of the editor, with English beside the Dutch. */
const FULL: CatalogueItemDefinition = {
  code: 'lantaarnpaal-defect',
  name: { nl: 'Lantaarnpaal defect', en: 'Street light out' },
  summary: { nl: 'Meld een kapotte lantaarnpaal.', en: 'Report a broken street light.' },
  description: { nl: 'Een lange beschrijving.' },
  synonyms: ['straatlamp', 'lamp'],
  keywords: ['verlichting'],
  audience: 'external',
  kind: 'report',
  channels: ['web', 'phone'],
  costCents: 1250,
  costNote: { nl: 'Per melding', en: 'Per report' },
  conditions: { nl: 'Alleen openbare weg' },
  whatToBring: { nl: '', en: 'Nothing' },
  team: 'Buitendienst',
  related: ['afval-ophalen'],
  intakeFields: [
    {
      key: 'locatie',
      label: { nl: 'Waar staat de paal?', en: 'Where is the pole?' },
      type: 'location',
      required: true,
      prefill: 'address',
    },
    {
      key: 'soort',
      label: { nl: 'Wat is er mis?' },
      type: 'choice',
      required: false,
      help: { nl: 'Kies wat u ziet', en: 'Choose what you see' },
      options: [
        { value: 'uit', label: { nl: 'Brandt niet', en: 'Not lit' } },
        { value: 'knippert', label: { nl: 'Knippert = storing' } },
      ],
    },
  ],
  handling: {
    statuses: [
      {
        key: 'ontvangen',
        label: { nl: 'Ontvangen', en: 'Received' },
        visibility: 'public',
        publicText: { nl: 'We hebben het', en: 'We have it' },
        stopsClock: false,
        final: false,
      },
      {
        key: 'wacht',
        label: { nl: 'Wacht op klant' },
        visibility: 'internal',
        stopsClock: true,
        final: false,
      },
      {
        key: 'klaar',
        label: { nl: 'Klaar' },
        visibility: 'public',
        publicText: { nl: 'Gerepareerd' },
        stopsClock: false,
        final: true,
      },
    ],
    transitions: [
      { from: 'ontvangen', to: 'wacht' },
      { from: 'wacht', to: 'klaar' },
    ],
  },
  norms: {
    serviceNorm: { amount: 1.5, unit: 'working_hours' },
    internalTarget: { amount: 1, unit: 'working_hours' },
    legalTerm: { amount: 8, unit: 'weeks' },
    legalBasis: 'Awb 4:13',
  },
};

/** The editor's state for FULL with `values` changed. */
const edited = (values: Partial<EditorState['values']>, def = FULL): EditorState => {
  const state = toEditorState(def);
  return { ...state, values: { ...state.values, ...values } };
};

describe('the way between a definition and the editor', () => {
  it('a definition comes back unchanged from the editor, and passes the shared schema', () => {
    const built = buildDefinition(toEditorState(FULL));
    const checked = checkDefinition(built, keyT);
    expect(checked.errors).toBeUndefined();
    expect(checked.data).toEqual(catalogueItemDefinitionSchema.parse(FULL));
  });

  it('shows the cost in euros with a decimal comma, and an absent cost and optional norms as empty', () => {
    const state = toEditorState(FULL);
    expect(state.values.costCents).toBe('12,50');
    expect(state.values['norms.serviceNorm.amount']).toBe('1.5');
    expect(state.values.synonyms).toBe('straatlamp, lamp');
    const bare = toEditorState({
      ...FULL,
      costCents: null,
      norms: { serviceNorm: { amount: 5, unit: 'working_days' } },
    });
    expect(bare.values).toMatchObject({
      costCents: '',
      'norms.internalTarget.amount': '',
      'norms.internalTarget.unit': 'working_days',
      'norms.legalTerm.amount': '',
      'norms.legalTerm.unit': 'weeks',
      'norms.legalBasis': '',
    });
    const rebuilt = buildDefinition(bare).norms;
    expect(rebuilt.internalTarget).toBeUndefined();
    expect(rebuilt.legalTerm).toBeUndefined();
    expect(rebuilt.legalBasis).toBeUndefined();
    expect(buildDefinition(bare).costCents).toBeNull();
  });

  it('writes options one a line, `value = label`, and their English apart', () => {
    const row = toEditorState(FULL).intake[1];
    expect(row?.optionsText).toBe('uit = Brandt niet\nknippert = Knippert = storing');
    expect(row?.optionsEnText).toBe('uit = Not lit');
    expect(row?.optionsEn).toEqual({ uit: 'Not lit' });
  });

  it('every row gets a key of its own, also across definitions', () => {
    const keys = [toEditorState(FULL), toEditorState(FULL)].flatMap((s) =>
      [...s.intake, ...s.statuses, ...s.transitions].map((r) => r.rowKey),
    );
    keys.push(newIntakeRow().rowKey, newStatusRow().rowKey, newTransitionRow().rowKey);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('leaves out texts left empty in both languages, and English left empty', () => {
    const built = buildDefinition(
      edited({
        'costNote.nl': '',
        'costNote.en': ' ',
        'name.en': '  ',
        'conditions.nl': '',
        'conditions.en': '',
      }),
    );
    expect(built.costNote).toBeUndefined();
    expect(built.conditions).toBeUndefined();
    expect(built.name).toEqual({ nl: 'Lantaarnpaal defect' });
    // Only English is still a text (the schema decides whether that is enough).
    expect(built.whatToBring).toEqual({ nl: '', en: 'Nothing' });
  });

  it('splits word lists on commas, dropping empty words; an empty team is none', () => {
    const built = buildDefinition(edited({ synonyms: ' a, ,b ,', keywords: '', team: '' }));
    expect(built.synonyms).toEqual(['a', 'b']);
    expect(built.keywords).toEqual([]);
    expect(built.team).toBeNull();
  });

  it('reads norm amounts with a decimal comma; an optional norm with an amount is kept', () => {
    const built = buildDefinition(
      edited({
        'norms.serviceNorm.amount': ' 2,5 ',
        'norms.internalTarget.amount': '',
        'norms.legalBasis': ' ',
      }),
    );
    expect(built.norms.serviceNorm).toEqual({ amount: 2.5, unit: 'working_hours' });
    expect(built.norms.internalTarget).toBeUndefined();
    expect(built.norms.legalTerm).toEqual({ amount: 8, unit: 'weeks' });
    expect(built.norms.legalBasis).toBeUndefined();
    expect(
      buildDefinition(edited({ 'norms.serviceNorm.amount': '' })).norms.serviceNorm.amount,
    ).toBeUndefined();
  });

  it('gives options only to choice fields, with a value made up for a line without one', () => {
    const state = toEditorState(FULL);
    const choice = {
      ...state.intake[1]!,
      optionsText: '  \nDe lamp brandt niet\n\nuit=Uit  ',
      optionsEn: { uit: 'Off' },
    };
    const text = { ...choice, rowKey: 'text', key: 'tekst', type: 'text' as const };
    const built = buildDefinition({ ...state, intake: [choice, text] });
    expect(built.intakeFields[0]?.options).toEqual([
      { value: 'de_lamp_brandt_niet', label: { nl: 'De lamp brandt niet' } },
      { value: 'uit', label: { nl: 'Uit', en: 'Off' } },
    ]);
    expect(built.intakeFields[1]?.options).toBeUndefined();
    const multi = buildDefinition({ ...state, intake: [{ ...choice, type: 'multi_choice' }] });
    expect(multi.intakeFields[0]?.options).toHaveLength(2);
  });

  it('an intake field without help or prefill has neither; a status without public text has none', () => {
    const state = toEditorState(FULL);
    const built = buildDefinition({
      ...state,
      intake: [{ ...state.intake[1]!, help: { nl: ' ', en: '' }, prefill: '' }],
      statuses: [{ ...state.statuses[0]!, publicText: { nl: '' } }],
    });
    expect(built.intakeFields[0]?.help).toBeUndefined();
    expect(built.intakeFields[0]?.prefill).toBeUndefined();
    expect(built.handling.statuses[0]?.publicText).toBeUndefined();
  });

  it("a new item's template is a valid definition, in the words given", () => {
    const def = templateDefinition(
      { code: 'nieuw', audience: 'internal', kind: 'request', name: 'N', summary: 'S' },
      dutch,
    );
    const checked = checkDefinition(buildDefinition(toEditorState(def)), keyT);
    expect(checked.errors).toBeUndefined();
    expect(checked.data).toMatchObject({
      code: 'nieuw',
      audience: 'internal',
      kind: 'request',
      name: { nl: 'N' },
    });
    for (const status of def.handling.statuses) expect(unworded(status.label.nl)).toBe(false);
  });
});

describe('parsing what is typed', () => {
  it('parseCents: euros in either notation, or null when empty, or undefined when not a sum', () => {
    expect(parseCents('12,50')).toBe(1250);
    expect(parseCents('€ 12.50')).toBe(1250);
    expect(parseCents('12,5')).toBe(1250);
    expect(parseCents('0,29')).toBe(29);
    expect(parseCents('7')).toBe(700);
    expect(parseCents(' ')).toBeNull();
    expect(parseCents('')).toBeNull();
    for (const text of ['12,505', '1.234,56', 'twaalf', '-5', '12,', ',5'])
      expect(parseCents(text)).toBeUndefined();
  });

  it('optionValue: a key from a label — folded, underscores, at most 40, starting with a letter', () => {
    expect(optionValue('De lamp brandt niet')).toBe('de_lamp_brandt_niet');
    expect(optionValue('  Één café!  ')).toBe('een_cafe');
    expect(optionValue('3 of meer')).toBe('o_3_of_meer');
    expect(optionValue('x'.repeat(50))).toHaveLength(40);
    expect(optionValue('9'.repeat(50))).toBe(`o_${'9'.repeat(38)}`);
    expect(optionValue('?!')).toBe('o_');
  });

  it('parseEnglishOptions: `value = label` lines; a line without "=" or a part left empty names nothing', () => {
    expect(parseEnglishOptions('uit = Not lit\nkapot=Broken = badly\nno equals\n = x\ny = \n')).toEqual({
      uit: 'Not lit',
      kapot: 'Broken = badly',
    });
  });

  it('checkDefinition: a cost that is not a sum is named, even when the rest is fine', () => {
    const checked = checkDefinition(buildDefinition(edited({ costCents: 'twaalf' })), keyT);
    expect(checked.errors).toEqual({ costCents: 'catalogueAdmin.msg.cost' });
  });
});

describe('errors on the controls', () => {
  const state = toEditorState(FULL);
  const fields = editorFields(state, keyT);

  it('names a control for every flat field, channel, and every part of every row', () => {
    for (const key of FLAT_KEYS) expect(fields[key]?.id).toBe(fieldId(key));
    expect(fields.channels?.id).toBe('cat-channels-0');
    expect(fields['intakeFields.1.optionsEn']?.id).toBe('cat-intakeFields-1-optionsEn');
    expect(fields['handling.statuses.2.publicText.en']?.id).toBe('cat-handling-statuses-2-publicText-en');
    expect(fields['handling.transitions.1.to']).toBeDefined();
    expect(fields['handling.transitions.2.to']).toBeUndefined();
  });

  it('labels every control in words, in both languages', () => {
    for (const t of [dutch, english]) {
      const labels = Object.values(editorFields(state, t)).map((f) => f.label);
      expect(labels.filter((label) => unworded(label) || label.includes('catalogueAdmin.'))).toEqual([]);
    }
    const dutchFields = editorFields(state, dutch);
    expect(dutchFields['intakeFields.0.label.en']?.label).toMatch(/Engels/);
    expect(dutchFields['intakeFields.0.optionsEn']?.label).toMatch(/Engels/);
    expect(dutchFields['intakeFields.0.options']?.label).not.toMatch(/Engels/);
  });

  it('resolveErrorKey: the path itself, its Dutch text or amount, its first control, or the nearest above', () => {
    expect(resolveErrorKey('definition.costCents', fields)).toBe('costCents');
    expect(resolveErrorKey('name', fields)).toBe('name.nl');
    expect(resolveErrorKey('norms.internalTarget', fields)).toBe('norms.internalTarget.amount');
    expect(resolveErrorKey('handling.statuses.1', fields)).toBe('handling.statuses.1.key');
    expect(resolveErrorKey('handling.transitions.1', fields)).toBe('handling.transitions.1.from');
    expect(resolveErrorKey('intakeFields.1.options.1.value', fields)).toBe('intakeFields.1.options');
    expect(resolveErrorKey('related.0', fields)).toBe('related');
    expect(resolveErrorKey('channels.3', fields)).toBe('channels');
    // `intakeFields.1` is not a prefix of `intakeFields.10…`.
    const many = editorFields({ ...state, intake: Array.from({ length: 11 }, () => newIntakeRow()) }, keyT);
    delete many['intakeFields.1.key'];
    expect(resolveErrorKey('intakeFields.1.key', many)).toBe('intakeFields.1.label.nl');
    // Nothing to put it on: it stays in the summary, under its own path.
    expect(resolveErrorKey('definition.version', fields)).toBe('version');
  });

  it('attachErrors: every error on its control, two different ones on one control both said', () => {
    expect(
      attachErrors(
        {
          'definition.name': 'Eén',
          'name.nl': 'Twee',
          'norms.serviceNorm': 'Drie',
          'norms.serviceNorm.amount': 'Drie',
          'handling.statuses.0': undefined,
        },
        fields,
      ),
    ).toEqual({ 'name.nl': 'Eén Twee', 'norms.serviceNorm.amount': 'Drie' });
  });

  it('attachErrors: a message said once per control, also when another came between (a bug fixed)', () => {
    // Two option values in the wrong form and a label left empty all land on the options box.
    expect(
      attachErrors(
        {
          'intakeFields.1.options.0.value': 'Sleutel',
          'intakeFields.1.options.0.label.nl': 'Verplicht',
          'intakeFields.1.options.1.value': 'Sleutel',
        },
        fields,
      ),
    ).toEqual({ 'intakeFields.1.options': 'Sleutel Verplicht' });
  });
});

describe("the catalogue's rules in the interface language", () => {
  /** A definition that breaks one rule of the shared schema; the field and words expected there. */
  const cases: [string, (def: CatalogueItemDefinition) => CatalogueItemDefinition, string, string][] = [
    ['a code with capitals', (d) => ({ ...d, code: 'Lamp' }), 'code', 'catalogueAdmin.msg.codeFormat'],
    [
      'a field key with a hyphen',
      (d) => ({ ...d, intakeFields: [{ ...d.intakeFields[0]!, key: 'waar-staat' }] }),
      'intakeFields.0.key',
      'catalogueAdmin.msg.keyFormat',
    ],
    [
      'a choice with one option',
      (d) => ({
        ...d,
        intakeFields: [{ ...d.intakeFields[1]!, options: d.intakeFields[1]!.options!.slice(0, 1) }],
      }),
      'intakeFields.0.options',
      'catalogueAdmin.msg.twoOptions',
    ],
    [
      'a text field with options',
      (d) => ({ ...d, intakeFields: [{ ...d.intakeFields[1]!, type: 'text' }] }),
      'intakeFields.0.options',
      'catalogueAdmin.msg.noOptions',
    ],
    [
      'two options with one value',
      (d) => ({
        ...d,
        intakeFields: [
          {
            ...d.intakeFields[1]!,
            options: [
              { value: 'uit', label: { nl: 'A' } },
              { value: 'uit', label: { nl: 'B' } },
            ],
          },
        ],
      }),
      'intakeFields.0.options',
      'catalogueAdmin.msg.uniqueOptions',
    ],
    [
      'a norm beyond its limit',
      (d) => ({ ...d, norms: { serviceNorm: { amount: 300, unit: 'working_days' } } }),
      'norms.serviceNorm.amount',
      'catalogueAdmin.msg.normMax {"max":"260"}',
    ],
    [
      'half a working day',
      (d) => ({ ...d, norms: { serviceNorm: { amount: 1.5, unit: 'working_days' } } }),
      'norms.serviceNorm.amount',
      'catalogueAdmin.msg.wholeNumbers',
    ],
    [
      'a norm of zero',
      (d) => ({ ...d, norms: { serviceNorm: { amount: 0, unit: 'working_days' } } }),
      'norms.serviceNorm.amount',
      'catalogueAdmin.msg.positive',
    ],
    ['no channel', (d) => ({ ...d, channels: [] }), 'channels', 'catalogueAdmin.msg.chooseChannel'],
    [
      'a workflow of one status',
      (d) => ({ ...d, handling: { ...d.handling, statuses: d.handling.statuses.slice(0, 1) } }),
      'handling.statuses',
      'catalogueAdmin.msg.tooFew {"min":2}',
    ],
    ['a name left empty', (d) => ({ ...d, name: { nl: ' ' } }), 'name.nl', 'validation.required'],
  ];

  for (const [what, change, path, words] of cases) {
    it(`says ${what} in words, at ${path}`, () => {
      const checked = checkDefinition(change(FULL), keyT);
      expect(checked.errors?.[path]).toBe(words);
    });
  }

  it('the first error on a path is the one said', () => {
    const checked = checkDefinition({ ...FULL, code: 'X' }, keyT);
    expect(Object.keys(checked.errors ?? {})).toEqual(['code']);
  });

  /** The API's messages (apps/api/src/modules/catalogue/catalogue.validation.ts, catalogue.errors.ts). */
  const api: [string, string][] = [
    ['Duplicate status "wacht"', 'catalogueAdmin.msg.duplicateStatus {"key":"wacht"}'],
    ['Unknown status ""', 'catalogueAdmin.msg.unknownStatus {"key":""}'],
    ['A status cannot move to itself', 'catalogueAdmin.msg.selfTransition'],
    ['"klaar" is an end status; nothing follows it', 'catalogueAdmin.msg.fromFinal {"key":"klaar"}'],
    ['The first status cannot be an end status', 'catalogueAdmin.msg.firstFinal'],
    ['The workflow needs at least one end status', 'catalogueAdmin.msg.needsFinal'],
    [
      'Status "wacht" cannot be reached from "ontvangen"',
      'catalogueAdmin.msg.unreachable {"key":"wacht","first":"ontvangen"}',
    ],
    ['From status "wacht" no end status can be reached', 'catalogueAdmin.msg.cannotEnd {"key":"wacht"}'],
    ['A public status needs the text the person sees', 'catalogueAdmin.msg.publicText'],
    [
      'The internal target must be stricter (shorter) than the public service norm',
      'catalogueAdmin.msg.internalTarget',
    ],
    ['The public service norm may not promise more time than the legal term', 'catalogueAdmin.msg.legalTerm'],
    ['An item cannot relate to itself', 'catalogueAdmin.msg.relatedSelf'],
    ['No catalogue item "afval"', 'catalogueAdmin.msg.relatedUnknown {"code":"afval"}'],
    ['Related items form a cycle: a → b → a', 'catalogueAdmin.msg.relatedCycle {"cycle":"a → b → a"}'],
    ['Duplicate field "soort"', 'catalogueAdmin.msg.duplicateField {"key":"soort"}'],
    ['Unknown team', 'validation.unknownTeam'],
    ['Already in use', 'catalogueAdmin.msg.codeTaken'],
    ['Must equal the code in the address', 'catalogueAdmin.msg.codeChanged'],
    ['Too small: expected number to be >0', 'validation.invalid'],
    ['Invalid input: expected string', 'validation.invalid'],
  ];
  for (const [message, words] of api) {
    it(`words the API's "${message}"`, () => expect(ruleMessage(message, keyT)).toBe(words));
  }

  it('keeps a message it does not know as the API wrote it', () => {
    expect(ruleMessage('Something new', keyT)).toBe('Something new');
    // Anchored: a known rule inside another sentence is not that rule.
    expect(ruleMessage('Note: Already in use', keyT)).toBe('Note: Already in use');
  });

  it('has Dutch and English words for every rule, with what it names filled in', () => {
    for (const [message] of api)
      for (const t of [dutch, english]) {
        const said = ruleMessage(message, t);
        expect(unworded(said), `${message} in ${t('language.label')}`).toBe(false);
        expect(said).not.toMatch(/\{\{/);
      }
    expect(ruleMessage('Status "wacht" cannot be reached from "ontvangen"', dutch)).toBe(
      'Status ‘wacht’ is vanaf ‘ontvangen’ niet te bereiken.',
    );
  });

  it("words every message the API's catalogue rules and the shared schema can give", () => {
    // Read from the source, so a rule added or reworded there without words here fails this test.
    const root = join(import.meta.dirname, '..', '..', '..', '..', '..');
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    const shared = read('packages/shared/src/catalogue.ts');
    const sources = [
      read('apps/api/src/modules/catalogue/catalogue.validation.ts'),
      read('apps/api/src/modules/catalogue/catalogue.errors.ts'),
      // The shared schema up to the definition's end (the calendar's and the articles' come after it).
      shared.slice(0, shared.indexOf('export type CatalogueItemDefinition =')),
    ];
    const messages = sources.flatMap((source) =>
      [
        ...source.matchAll(/message:\s*(['`])((?:(?!\1)[^\\]|\\.)*)\1/g),
        ...source.matchAll(/\.regex\(\/.*\/,\s*(['`])((?:(?!\1).)*)\1\)/g),
      ].map((m) => (m[2] ?? '').replace(/\$\{[^}]*\}/g, '12')),
    );
    expect(messages.length).toBeGreaterThan(20);
    const unknown = messages.filter((message) => ruleMessage(message, keyT) === message);
    expect(unknown).toEqual([]);
  });
});
