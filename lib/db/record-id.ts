/** Whether `id` can be a record's id (a cuid): addresses that carry one answer at once for anything else, reading nothing. */
export const isRecordId = (id: string) => /^[a-z0-9]{8,40}$/.test(id);
