import { ApiError, api, apiBlob } from '../../api/client.ts';

/** What a CSV file holds: catalogue items or knowledge articles (a JSON file holds both). */
export type TransferKind = 'items' | 'articles';

export interface ChangeList {
  create: string[];
  update: string[];
  unchanged: string[];
}
export interface ImportReport {
  dryRun: boolean;
  items: ChangeList;
  articles: ChangeList;
}
export interface ImportRequest {
  file: File;
  csvType: TransferKind;
  dryRun: boolean;
  /** Said when a .json file does not parse. */
  invalidJson: string;
}

/** A CSV file goes to the CSV import (one kind); anything else is read as the JSON export. */
export const isCsv = (file: File) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

/** Imports a file, or with `dryRun` reports what it would change. */
export async function runImport({
  file,
  csvType,
  dryRun,
  invalidJson,
}: ImportRequest): Promise<ImportReport> {
  const text = await file.text();
  const query = { dryRun: String(dryRun) };
  if (isCsv(file)) {
    return api<ImportReport>('/api/transfer/import/csv', {
      method: 'POST',
      query: { ...query, type: csvType },
      body: text,
      contentType: 'text/csv',
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError({ status: 400, code: 'invalid_json_file', detail: invalidJson });
  }
  return api<ImportReport>('/api/transfer/import', { method: 'POST', query, body });
}

/** The export as a file to save: everything as JSON, or one kind as CSV. */
export async function exportFile(what: 'json' | TransferKind): Promise<{ blob: Blob; name: string }> {
  if (what === 'json') return { blob: await apiBlob('/api/transfer/export'), name: 'voordeur-export.json' };
  return {
    blob: await apiBlob('/api/transfer/export/csv', { query: { type: what } }),
    name: `voordeur-${what}.csv`,
  };
}
