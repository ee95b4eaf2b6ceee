import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, cleanFilename, detectDocumentType } from './document-type.ts';

/** A minimal zip (entries stored or deflated, CRC left at zero: the check does not read it). */
function zip(entries: { name: string; content: string; deflate?: boolean }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const raw = Buffer.from(entry.content);
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="${main}"/></Types>`;

describe('detectDocumentType', () => {
  it('reads OpenDocument from its mimetype entry', () => {
    const odt = zip([
      { name: 'mimetype', content: 'application/vnd.oasis.opendocument.text' },
      { name: 'content.xml', content: '<office:document-content/>', deflate: true },
    ]);
    expect(detectDocumentType(odt, 'rapport.pdf')).toBe('application/vnd.oasis.opendocument.text');
  });

  it('reads Office Open XML from [Content_Types].xml, refusing macro-enabled documents', () => {
    const docx = zip([
      {
        name: '[Content_Types].xml',
        content: contentTypes(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ),
        deflate: true,
      },
      { name: 'word/document.xml', content: '<w:document/>' },
    ]);
    expect(detectDocumentType(docx, 'x.bin')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const docm = zip([
      {
        name: '[Content_Types].xml',
        content: contentTypes('application/vnd.ms-word.document.macroEnabled.main+xml'),
      },
      { name: 'word/vbaProject.bin', content: 'macro' },
    ]);
    expect(detectDocumentType(docm, 'x.docx')).toBeNull();
  });

  it('refuses any other zip, and a zip that does not read', () => {
    expect(detectDocumentType(zip([{ name: 'setup.exe', content: 'MZ' }]), 'a.docx')).toBeNull();
    expect(detectDocumentType(Buffer.from('PK\u0003\u0004 broken'), 'a.docx')).toBeNull();
  });

  it('accepts UTF-8 text and CSV, but not markup, binaries or other encodings', () => {
    expect(detectDocumentType(Buffer.from('Nom;Montant\nÉté;12,5\n'), 'budget.CSV')).toBe(
      'text/csv; charset=utf-8',
    );
    expect(detectDocumentType(Buffer.from('Compte rendu'), 'notes')).toBe('text/plain; charset=utf-8');
    expect(detectDocumentType(Buffer.from('\uFEFF  <svg onload="alert(1)"/>'), 'image.txt')).toBeNull();
    expect(detectDocumentType(Buffer.from('Bonjour <script>alert(1)</script>'), 'a.txt')).toBeNull();
    expect(detectDocumentType(Buffer.from('texte\u0000binaire'), 'a.txt')).toBeNull();
    expect(detectDocumentType(Buffer.from([0x45, 0x74, 0xe9]), 'latin1.txt')).toBeNull();
    expect(detectDocumentType(Buffer.from('GIF89a'), 'a.gif')).toBe('text/plain; charset=utf-8');
    expect(
      detectDocumentType(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x00]), 'a.gif'),
    ).toBeNull();
  });
});

describe('file names', () => {
  it('keeps the base name without control characters, within 200 characters', () => {
    expect(cleanFilename('C:\\Users\\marie\\bilan\u0007.pdf')).toBe('bilan.pdf');
    expect(cleanFilename('../../etc/passwd')).toBe('passwd');
    expect(cleanFilename('   ')).toBe('document');
    const long = cleanFilename(`${'a'.repeat(300)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('writes both forms of RFC 6266, the UTF-8 one percent-encoded', () => {
    expect(attachmentDisposition('Bilan « FSE+ » (v2) 100%.pdf')).toBe(
      `attachment; filename="Bilan _ FSE+ _ (v2) 100_.pdf"; filename*=UTF-8''Bilan%20%C2%AB%20FSE%2B%20%C2%BB%20%28v2%29%20100%25.pdf`,
    );
    expect(attachmentDisposition('a"b\\c.txt')).toContain('filename="a_b_c.txt"');
  });
});
