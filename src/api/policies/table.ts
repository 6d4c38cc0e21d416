/** The policy table as Markdown (docs/policies.md is this output; a test keeps them equal). */
import { PERMISSIONS, ROLES } from './permissions.js';
import { routePermissions } from './registry.js';

export function renderPolicyDoc(): string {
  const head = `| permission | ${ROLES.join(' | ')} | what it covers |\n|---|${ROLES.map(() => ':-:').join('|')}|---|`;
  const rows = Object.entries(PERMISSIONS).map(([p, r]) =>
    `| \`${p}\` | ${ROLES.map((role) => ((r.roles as readonly string[]).includes(role) ? 'yes' : '—')).join(' | ')} | ${r.doc} |`);
  const routes = [...routePermissions.entries()].sort(([a], [b]) => a.split(' ')[1]!.localeCompare(b.split(' ')[1]!) || a.localeCompare(b))
    .map(([route, p]) => `| \`${route}\` | \`${p}\` |`);
  return `# Who may do what

Generated from \`src/api/policies/permissions.ts\` (run \`npm run docs:policies\`); every authorization decision
goes through \`can()\` there. \`src/api/policies/policies.test.ts\` sends a real request to every route as every
role and checks the answer against this table; a route without an entry fails that test.

## Permissions by role

${head}
${rows.join('\n')}

Further rules, applied by \`can()\`:
- An API token created with the \`read\` scope can never write, whatever its owner's role.
- \`contacts:read\`: published contacts are public; restricted ones are seen by experts, committee members and
  admins, and by the \`state_poc\` of the contact's State only.
- \`contacts:write\`: a \`state_poc\` writes for its own State only.
- Audit events: events on published data are public; restricted events are seen by experts, committee members
  and admins, by the account that made them, and by the \`state_poc\` of the State concerned.

## Routes

| route | permission |
|---|---|
${routes.join('\n')}
`;
}
