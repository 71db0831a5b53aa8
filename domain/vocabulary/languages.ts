// The languages siklus speaks, apart from the catalogues' types so that the domain's rules (e.g. the NIP
// messages) can name them without importing the events the catalogues describe.
export const languages = ['id', 'en'] as const;
export type Lang = (typeof languages)[number];
