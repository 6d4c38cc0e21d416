/** National points of contact (personal data; published only with consent). */
import type { AuditFields } from '../../core/auditChain.js';
import type { Db, ReadDb } from '../connection.js';
import { writeWithEvent } from './audit.js';

export interface Contact {
  id: number; state: string; name: string; title: string | null; organisation: string | null; email: string | null; phone: string | null;
  published: boolean; version: number; updatedAt: string;
}
interface ContactRow { id: number; state: string; name: string; title: string | null; organisation: string | null; email: string | null; phone: string | null; published: boolean; version: number; updated_at: Date }
const toContact = (r: ContactRow): Contact => ({ id: r.id, state: r.state, name: r.name, title: r.title, organisation: r.organisation, email: r.email, phone: r.phone, published: r.published, version: r.version, updatedAt: new Date(r.updated_at).toISOString() });

export async function listContacts(db: ReadDb, filter: { state?: string; q?: string } = {}): Promise<Contact[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.state) { params.push(filter.state); where.push(`state = $${params.length}`); }
  if (filter.q) { params.push(`%${filter.q.replace(/[\\%_]/g, '\\$&')}%`); where.push(`(name ilike $${params.length} or organisation ilike $${params.length})`); }
  return (await db.query<ContactRow>(`select * from contact ${where.length ? `where ${where.join(' and ')}` : ''} order by state, id`, params)).map(toContact);
}

export async function getContact(db: ReadDb, id: number): Promise<Contact | null> {
  const r = (await db.query<ContactRow>('select * from contact where id = $1', [id]))[0];
  return r ? toContact(r) : null;
}

export type ContactFields = Pick<Contact, 'name' | 'title' | 'organisation' | 'email' | 'phone' | 'published'>;

export async function insertContact(tx: Db, state: string, f: ContactFields): Promise<Contact> {
  return toContact((await tx.query<ContactRow>(
    'insert into contact (state, name, title, organisation, email, phone, published) values ($1, $2, $3, $4, $5, $6, $7) returning *',
    [state, f.name, f.title, f.organisation, f.email, f.phone, f.published]))[0]!);
}

const UPDATE = `update contact set name = $3, title = $4, organisation = $5, email = $6, phone = $7, published = $8, version = version + 1,
  updated_at = coalesce($9::timestamptz, now()) where id = $1 and version = $2 returning *`;
const updateParams = (id: number, version: number, f: ContactFields, at: string | null) => [id, version, f.name, f.title, f.organisation, f.email, f.phone, f.published, at];

/** Updates when `version` is still current; returns null when another write got there first. */
export async function updateContact(tx: Db, id: number, version: number, f: ContactFields): Promise<Contact | null> {
  const r = (await tx.query<ContactRow>(UPDATE, updateParams(id, version, f, null)))[0];
  return r ? toContact(r) : null;
}

/** The same update, at time `at`, with its audit event in the same statement (written only when the update is). */
export async function updateContactWithEvent(db: Db, id: number, version: number, f: ContactFields, at: string, event: AuditFields): Promise<Contact | null> {
  const r = (await writeWithEvent<ContactRow>(db, UPDATE, updateParams(id, version, f, at), event))[0];
  return r ? toContact(r) : null;
}

/** Deletes a contact when `version` is still current, with its audit event in the same statement. */
export async function deleteContactWithEvent(db: Db, id: number, version: number, event: AuditFields): Promise<boolean> {
  return (await writeWithEvent(db, 'delete from contact where id = $1 and version = $2 returning id', [id, version], event)).length > 0;
}

