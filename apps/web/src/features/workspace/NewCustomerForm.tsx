import { Button } from '@utrecht/button-react';
import {
  CUSTOMER_KINDS,
  type Customer,
  type CustomerCreate,
  type CustomerKind,
  normalisePhone,
  normalisePostcode,
  parseHouseNumber,
} from '@voordeur/shared';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { type FieldErrors, problemFieldErrors } from '../../lib/fieldErrors.ts';
import { useForm } from '../../lib/useForm.ts';
import { ButtonGroup } from '../../ui/ButtonGroup.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { SubmitButton } from '../../ui/SubmitButton.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { useCreateCustomer } from './api.ts';

type Values = {
  kind: CustomerKind;
  name: string;
  email: string;
  phone: string;
  postcode: string;
  houseNumber: string;
  street: string;
  city: string;
};

/** The API names address parts `address.street`; the form has them as fields of their own. */
const API_FIELDS: Record<string, keyof Values> = {
  'address.street': 'street',
  'address.houseNumber': 'houseNumber',
  'address.houseLetter': 'houseNumber',
  'address.addition': 'houseNumber',
  'address.postcode': 'postcode',
  'address.city': 'city',
  address: 'street',
};

export interface NewCustomerFormProps {
  onCreated: (customer: Customer) => void;
  onCancel: () => void;
}

/**
 * A customer the register does not know yet: the few facts the front office needs. The shared rules are
 * checked here first (phone and postcode in any notation); whatever the API still rejects is shown at
 * its field.
 */
export function NewCustomerForm({ onCreated, onCancel }: NewCustomerFormProps) {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  const label = (key: keyof Values) => t(`workspace.newCustomer.${key}`);
  const meta = (key: keyof Values) => ({ id: `new-customer-${key}`, label: label(key) });
  const form = useForm<Values>(
    { kind: 'resident', name: '', email: '', phone: '', postcode: '', houseNumber: '', street: '', city: '' },
    {
      kind: meta('kind'),
      name: meta('name'),
      email: meta('email'),
      phone: meta('phone'),
      postcode: meta('postcode'),
      houseNumber: meta('houseNumber'),
      street: meta('street'),
      city: meta('city'),
    },
  );

  const onSubmit = form.submit(() => {
    const v = Object.fromEntries(
      Object.entries(form.values).map(([key, value]) => [key, value.trim()]),
    ) as Values;
    const errors: FieldErrors = {};
    if (!v.name) errors.name = t('validation.required');
    if (v.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) errors.email = t('validation.email');
    if (v.phone && !normalisePhone(v.phone)) errors.phone = t('workspace.newCustomer.phoneInvalid');
    const addressParts = [v.postcode, v.houseNumber, v.street, v.city];
    const house = v.houseNumber ? parseHouseNumber(v.houseNumber) : null;
    if (addressParts.some(Boolean)) {
      if (!v.postcode) errors.postcode = t('workspace.newCustomer.addressIncomplete');
      else if (!normalisePostcode(v.postcode)) errors.postcode = t('workspace.newCustomer.postcodeInvalid');
      if (!v.houseNumber) errors.houseNumber = t('workspace.newCustomer.addressIncomplete');
      else if (!house) errors.houseNumber = t('workspace.newCustomer.houseNumberInvalid');
      if (!v.street) errors.street = t('workspace.newCustomer.addressIncomplete');
      if (!v.city) errors.city = t('workspace.newCustomer.addressIncomplete');
    }
    if (!form.report(errors)) return;
    const body: CustomerCreate = {
      kind: v.kind,
      name: v.name,
      ...(v.email ? { email: v.email } : {}),
      ...(v.phone ? { phone: v.phone } : {}),
      ...(house
        ? {
            address: {
              street: v.street,
              houseNumber: house.number,
              ...(house.letter ? { houseLetter: house.letter } : {}),
              ...(house.addition ? { addition: house.addition } : {}),
              postcode: v.postcode,
              city: v.city,
            },
          }
        : {}),
    };
    create.mutate(body, {
      onSuccess: onCreated,
      onError: (error) => {
        const found = problemFieldErrors(error, t);
        const mapped: FieldErrors = {};
        for (const [field, message] of Object.entries(found)) {
          const key = API_FIELDS[field] ?? field;
          mapped[key] ??= message;
        }
        form.report(mapped);
      },
    });
  });

  return (
    <form className="vd-form vd-stack" noValidate onSubmit={onSubmit} aria-labelledby="new-customer-heading">
      <h3 className="utrecht-heading-3" id="new-customer-heading" tabIndex={-1}>
        {t('workspace.newCustomer.title')}
      </h3>
      <FormErrorAlert form={form} error={create.error} />
      <SelectField
        {...form.field('kind')}
        options={CUSTOMER_KINDS.map((kind) => ({ value: kind, label: t(`workspace.customerKind.${kind}`) }))}
      />
      <TextField {...form.field('name')} autoComplete="off" maxLength={200} required />
      <div className="vd-row__fields">
        <TextField {...form.field('email')} type="email" autoComplete="off" optional maxLength={254} />
        <TextField {...form.field('phone')} type="tel" autoComplete="off" optional maxLength={40} />
        <TextField {...form.field('postcode')} autoComplete="off" optional maxLength={12} />
        <TextField {...form.field('houseNumber')} autoComplete="off" optional maxLength={12} />
        <TextField {...form.field('street')} autoComplete="off" optional maxLength={200} />
        <TextField {...form.field('city')} autoComplete="off" optional maxLength={100} />
      </div>
      <ButtonGroup>
        <SubmitButton busy={create.isPending}>{t('workspace.newCustomer.submit')}</SubmitButton>
        <Button appearance="secondary-action-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
