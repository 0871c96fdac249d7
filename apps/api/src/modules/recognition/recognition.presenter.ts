import type { Compliment } from '@voordeur/shared';

const day = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Europe/Amsterdam' });

export function presentCompliment(c: {
  id: string;
  grade: number;
  comment: string;
  receivedAt: Date;
  source: string;
  caseId: string | null;
  itemCode: string | null;
  employeeName: string | null;
}): Compliment {
  return {
    id: c.id,
    grade: c.grade,
    comment: c.comment,
    receivedOn: day(c.receivedAt),
    source: c.source === 'contact' ? 'contact' : 'case',
    caseId: c.caseId,
    itemCode: c.itemCode,
    employeeName: c.employeeName,
  };
}

export { day as dayOf };
