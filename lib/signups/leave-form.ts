// The confirm page's form and the leave route agree on these (client-safe constants).
export const LEAVE_FIELD = "leave";
export const LEAVE_VALUE = "erase";
export const LEAVE_MAX_BYTES = 1024;
