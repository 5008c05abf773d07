// Fixed webhook ids and paths of the templates (the chat URL is /webhook/<chat id>/chat).
export const WEBHOOK_IDS = {
	inbound: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e51',
	form: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e52',
	chat: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e53',
	resegment: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e54',
	watchdog: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e55',
	evaluate: '7d1c2f3a-5b4e-4c6d-9e8f-0a1b2c3d4e56',
};
export const PATHS = {
	inbound: 'inquiry-router/inbound',
	form: 'inquiry-router-contact',
	resegment: 'inquiry-router/resegment',
	watchdog: 'inquiry-router/watchdog',
	evaluate: 'inquiry-router/evaluate',
};

