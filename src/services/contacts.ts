/** Points of contact: reads filtered by policy, writes with optimistic concurrency and an audit event. */
import { can, type Actor } from '../api/policies/permissions.js';
import type { Db, ReadDb } from '../db/connection.js';
import { deleteContactWithEvent, getContact, insertContact, listContacts, updateContactWithEvent, type Contact, type ContactFields } from '../db/repositories/contacts.js';
import { getState } from '../db/repositories/states.js';
import { AccountError } from './accounts.js';
import { eventFields, recordEvent, type WriteContext } from './audit.js';

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

/**
 * Updates a contact from `version`; a stale version gets 409 with the current record. The update and its event
 * are one statement, made only if `version` is still current, so the `before` read here is what it replaces.
 */
export async function editContact(db: Db, ctx: WriteContext, id: number, version: number, f: ContactFields): Promise<Contact> {
  const before = await writableContact(db, ctx, id, 'edit');
  if (before.version !== version) throw new ConflictError(before);
  const at = new Date().toISOString();
  const expected: Contact = { ...before, ...f, version: version + 1, updatedAt: at };
  const event = eventFields(ctx, { action: 'contact.update', entityType: 'contact', entityId: id, state: before.state, visibility: before.published || f.published ? 'public' : 'restricted', before, after: expected });
  const after = await updateContactWithEvent(db, id, version, f, at, event);
  // Another write got there between the read and the update: the record as the winning write left it.
  if (!after) throw new ConflictError((await getContact(db, id)) ?? before);
  return after;
}

/** Deletes a contact (the version read is the one deleted, or the deletion is refused as a conflict). */
export async function removeContact(db: Db, ctx: WriteContext, id: number): Promise<void> {
  const before = await writableContact(db, ctx, id, 'delete');
  const event = eventFields(ctx, { action: 'contact.delete', entityType: 'contact', entityId: id, state: before.state, visibility: visibility(before), before });
  if (!(await deleteContactWithEvent(db, id, before.version, event))) {
    const now = await getContact(db, id);
    if (now) throw new ConflictError(now);
  }
}

async function writableContact(db: Db, ctx: WriteContext, id: number, verb: 'edit' | 'delete'): Promise<Contact> {
  const c = await getContact(db, id);
  if (!c || !can(ctx.actor, 'contacts:read', { state: c.state, published: c.published })) throw new AccountError(404, `no contact ${id}`, 'id');
  if (!can(ctx.actor, 'contacts:write', { state: c.state })) throw new AccountError(403, `you may not ${verb} contacts of ${c.state}`, 'id');
  return c;
}

export class ConflictError extends Error {
  constructor(readonly current: Contact) { super(`the contact was changed by someone else (now version ${current.version}); reload and apply your change again`); }
}
