import { createHash, randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type HttpMethod, TEST_ORIGIN } from '../../test/app.ts';
import { expectFieldError, routeWorld } from '../../test/route-world.ts';
import { auditLog } from '../audit/audit.table.ts';

const w = routeWorld();

const cookies: Record<string, string> = {};
const files: Record<string, string> = {};

const call = (who: string, method: HttpMethod, url: string, payload?: object) =>
  w.call(cookies[who]!, method, url, payload);

/** A multipart/form-data body with one file, as a browser's FormData sends it. */
function upload(who: string, fileId: string, filename: string, declaredType: string, bytes: Buffer) {
  const boundary = `----maillage${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${declaredType}\r\n\r\n`,
  );
  return w.t.app.inject({
    method: 'POST',
    url: `/api/support/files/${fileId}/documents`,
    headers: {
      cookie: cookies[who]!,
      origin: TEST_ORIGIN,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  Object.assign(cookies, { staff: w.staff, board: w.board, otherStaff: w.otherStaff });
  const orgs: Record<string, string> = {};
  for (const name of ['CHORUS', 'REGAIN']) {
    orgs[name] = await w.addOrganisation(w.staff, {
      name,
      postcode: '31000',
      types: ['AI'],
      joinedOn: '2024-03-01',
    });
    const file = await call('staff', 'POST', '/api/support/files', {
      organisationId: orgs[name],
      subject: 'fse_plus_report',
      title: `Bilan FSE+ ${name}`,
    });
    files[name] = file.json().id;
  }
  cookies.member = await w.as('member', orgs.CHORUS);
});

describe('support documents', () => {
  it('accepts a PDF, a PNG and an XLSX, typed by their content, with size and hash', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Budget').addRow(['Poste', 'Montant']);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    for (const [name, declared, bytes, expected] of [
      ['Compte rendu été.pdf', 'application/pdf', PDF, 'application/pdf'],
      // A wrong name or declared type does not matter: the bytes say what it is.
      ['logo.jpg', 'application/octet-stream', PNG, 'image/png'],
      [
        'budget.xlsx',
        'application/vnd.ms-excel',
        xlsx,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
    ] as const) {
      const response = await upload('staff', files.CHORUS!, name, declared, bytes);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({
        filename: name,
        mediaType: expected,
        sizeBytes: bytes.length,
        sha256: sha256(bytes),
      });
    }
    const file = (await call('staff', 'GET', `/api/support/files/${files.CHORUS}`)).json();
    expect(file.documents).toHaveLength(3);
    for (const document of file.documents) expect(document).not.toHaveProperty('content');
  });

  it('refuses a page or a program disguised as a PDF, naming the file in French', async () => {
    const html = Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>');
    const exe = Buffer.concat([
      Buffer.from('MZ'),
      Buffer.alloc(200),
      Buffer.from('This program cannot be run'),
    ]);
    for (const bytes of [html, exe]) {
      const response = await upload('staff', files.CHORUS!, 'facture.pdf', 'application/pdf', bytes);
      expect(response.statusCode).toBe(415);
      expect(response.json().error).toMatchObject({ code: 'support.document_type_refused' });
      expect(response.json().error.message).toContain('« facture.pdf »');
      expect(response.json().error.fields[0].field).toBe('file');
    }
  });

  it('refuses a file over 10 MB with 413 and an empty request with 400', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const response = await upload('staff', files.CHORUS!, 'scan.pdf', 'application/pdf', big);
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: 'support.document_too_large' });
    expect(response.json().error.message).toBe(
      'Le fichier « scan.pdf » dépasse la taille maximale de 10 Mo.',
    );
    const json = await call('staff', 'POST', `/api/support/files/${files.CHORUS}/documents`, { file: 'x' });
    expectFieldError(json, 400, { field: 'file', code: 'support.document_missing' });
  });

  it('downloads the same bytes as an attachment, typed as stored, never sniffed', async () => {
    const file = (await call('staff', 'GET', `/api/support/files/${files.CHORUS}`)).json();
    const pdf = file.documents.find((d: { filename: string }) => d.filename.endsWith('.pdf'));
    const response = await call('staff', 'GET', `/api/support/files/${files.CHORUS}/documents/${pdf.id}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="Compte rendu ete.pdf"; filename*=UTF-8''Compte%20rendu%20%C3%A9t%C3%A9.pdf`,
    );
    expect(response.rawPayload.equals(PDF)).toBe(true);
    expect(sha256(response.rawPayload)).toBe(pdf.sha256);
  });

  it('keeps the bytes out of the audit log', async () => {
    const lines = await w.t.database.db
      .select({ after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.tableName, 'support_documents'), eq(auditLog.action, 'insert')));
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const line of lines) {
      expect(line.after).toHaveProperty('sha256');
      expect(line.after).not.toHaveProperty('content');
    }
  });

  it('lets a member add and read documents of its own files only', async () => {
    const own = await upload(
      'member',
      files.CHORUS!,
      'attestation.txt',
      'text/plain',
      Buffer.from('Attestation\n'),
    );
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().mediaType).toBe('text/plain; charset=utf-8');
    const download = await call(
      'member',
      'GET',
      `/api/support/files/${files.CHORUS}/documents/${own.json().id}`,
    );
    expect(download.body).toBe('Attestation\n');
    const other = await upload('member', files.REGAIN!, 'attestation.txt', 'text/plain', Buffer.from('x'));
    expect(other.statusCode).toBe(404);
    const remove = await call(
      'member',
      'DELETE',
      `/api/support/files/${files.CHORUS}/documents/${own.json().id}`,
    );
    expect(remove.statusCode).toBe(403);
    expect(
      (await call('board', 'GET', `/api/support/files/${files.CHORUS}/documents/${own.json().id}`))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('otherStaff', 'GET', `/api/support/files/${files.CHORUS}/documents/${own.json().id}`))
        .statusCode,
    ).toBe(404);
    const removed = await call(
      'staff',
      'DELETE',
      `/api/support/files/${files.CHORUS}/documents/${own.json().id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(
      (await call('staff', 'GET', `/api/support/files/${files.CHORUS}/documents/${own.json().id}`))
        .statusCode,
    ).toBe(404);
  });
});
