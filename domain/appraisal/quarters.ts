// The four quarters (triwulan, TW I-IV) of the check-ins, apart from types.ts so that workflows import no
// zod: with zod every workflow start costs 11.8 ms of CPU instead of 5.3 (`npm run bench -- first-task`).
export const quarters = ['I', 'II', 'III', 'IV'] as const;
