/** The publication each province's database holds for the national roll-up (a migration makes it). */
export const NATIONAL_PUBLICATION = 'national_figures';

/** A national database's subscription to a province: `province_<name>`, its slot named alike. */
export const SUBSCRIPTION_PREFIX = 'province_';

/** A province's name as a subscription takes it: lower-case letters, digits and underscores. */
export const PROVINCE_NAME = /^[a-z][a-z0-9_]{0,40}$/;
