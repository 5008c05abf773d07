import { z } from 'zod';

import data from './data/freeMail.json';

const domain = z.string().regex(/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/, 'a lower-case mail domain');

/** The lists of data/freeMail.json, checked when the module loads. */
const lists = z
	.object({ contactMatch: z.array(domain).min(1), companyDomain: z.array(domain).min(1) })
	.strict()
	.parse(data);

/**
 * Public mailbox providers for the contact comparison: the domain says nothing about the person, and
 * many people share a name-based login there, so two logins on it are similar only as a typo.
 */
export const FREE_MAIL: ReadonlySet<string> = new Set(lists.contactMatch);

/** Free-mail and public providers: a mailbox there says nothing about the company. */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(lists.companyDomain);
