// The four quarters (triwulan, TW I-IV) of the check-ins. Free of schemas, so workflows can import it.
export const quarters = ['I', 'II', 'III', 'IV'] as const;
