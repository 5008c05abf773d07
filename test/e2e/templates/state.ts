// Shared between the template suites of one e2e run (they run in one process, in file order):
// the ids of the deployed templates, so the browser suite opens exactly what the template suite imported.
export const deployedTemplates = new Map<string, { id: string; name: string; via: 'public-api' | 'cli' }>();

/** Seed managers used by the template suites (ids are what the assertions check). */
export const MANAGERS = [
	{
		managerId: 'm-anna',
		name: 'Anna (account manager)',
		email: 'anna@example.test',
		skills: 'lead, question',
		languages: '',
		segments: '',
		seniority: 'junior',
		capacity: 40,
		activeLeads: 0,
		active: true,
		workingHours: '',
		timeZone: 'UTC',
		teamLeadId: 'tl-olga',
	},
	{
		managerId: 'm-boris',
		name: 'Boris (senior tender specialist)',
		email: 'boris@example.test',
		skills: 'lead, tender',
		languages: '',
		segments: '',
		seniority: 'senior',
		capacity: 40,
		activeLeads: 0,
		active: true,
		workingHours: '',
		timeZone: 'UTC',
		teamLeadId: 'tl-olga',
	},
];
