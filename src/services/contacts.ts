/** Points of contact: reads filtered by policy, writes with optimistic concurrency and an audit event. */
import { can, type Actor } from '../api/policies/permissions.js';
import type { Db, ReadDb } from '../db/connection.js';
import { deleteContact, getContact, insertContact, listContacts, updateContact, type Contact, type ContactFields } from '../db/repositories/contacts.js';
import { getState } from '../db/repositories/states.js';
import { AccountError } from './accounts.js';
import { recordEvent, type WriteContext } from './audit.js';

const visibility = (c: Pick<Contact, 'published'>): 'public' | 'restricted' => (c.published ? 'public' : 'restricted');

/** The contacts the actor may see. */
export async function visibleContacts(db: ReadDb, actor: Actor, filter: { state?: string; q?: string }): Promise<Contact[]> {
  return (await listContacts(db, filter)).filter((c) => can(actor, 'contacts:read', { state: c.state, published: c.published }));
}

export async function visibleContact(db: ReadDb, actor: Actor, id: number): Promise<Contact> {
  const c = await getContact(db, id);
  // The same answer whether the contact does not exist or may not be seen.
  if (!c || !can(actor, 'contacts:read', { state: c.state, published: c.published })) throw new AccountError(404, `no contact ${id}`, 'id');
  return c;
}

export async function addContact(db: Db, ctx: WriteContext, state: string, f: ContactFields): Promise<Contact> {
  const iso3 = state.toUpperCase();
  if (!(await getState(db, iso3))) throw new AccountError(400, `unknown State code "${state}"`, 'state');
  if (!can(ctx.actor, 'contacts:write', { state: iso3 })) throw new AccountError(403, `you may not add contacts for ${iso3}`, 'state');
  return db.transaction(async (tx) => {
    const c = await insertContact(tx, iso3, f);
    await recordEvent(tx, ctx, { action: 'contact.create', entityType: 'contact', entityId: c.id, state: iso3, visibility: visibility(c), after: c });
    return c;
  });
}

/** Updates a contact from `version`; a stale version gets 409 with the current record. */
export async function editContact(db: Db, ctx: WriteContext, id: number, version: number, f: ContactFields): Promise<Contact> {
  return db.transaction(async (tx) => {
    const before = await getContact(tx, id);
    if (!before || !can(ctx.actor, 'contacts:read', { state: before.state, published: before.published })) throw new AccountError(404, `no contact ${id}`, 'id');
    if (!can(ctx.actor, 'contacts:write', { state: before.state })) throw new AccountError(403, `you may not edit contacts of ${before.state}`, 'id');
    const after = await updateContact(tx, id, version, f);
    // Read again: the record as the winning write left it (the first read may predate it).
    if (!after) throw new ConflictError((await getContact(tx, id)) ?? before);
    await recordEvent(tx, ctx, { action: 'contact.update', entityType: 'contact', entityId: id, state: after.state, visibility: before.published || after.published ? 'public' : 'restricted', before, after });
    return after;
  });
}

export async function removeContact(db: Db, ctx: WriteContext, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getContact(tx, id);
    if (!before || !can(ctx.actor, 'contacts:read', { state: before.state, published: before.published })) throw new AccountError(404, `no contact ${id}`, 'id');
    if (!can(ctx.actor, 'contacts:write', { state: before.state })) throw new AccountError(403, `you may not delete contacts of ${before.state}`, 'id');
    await deleteContact(tx, id);
    await recordEvent(tx, ctx, { action: 'contact.delete', entityType: 'contact', entityId: id, state: before.state, visibility: visibility(before), before });
  });
}

export class ConflictError extends Error {
  constructor(readonly current: Contact) { super(`the contact was changed by someone else (now version ${current.version}); reload and apply your change again`); }
}
