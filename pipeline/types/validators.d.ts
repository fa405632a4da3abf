/* Generated from schemas/*.schema.json by `npm run types` (ajv standalone code). Do not edit. */
import type {ErrorObject} from 'ajv'

/** An ajv validator: true when valid; otherwise `errors` says why. */
export type Validator = ((data: unknown) => boolean) & {errors?: ErrorObject[] | null}

export declare const announcements: Validator
export declare const announcementsRecord: Validator
export declare const commits: Validator
export declare const commitsRecord: Validator
export declare const countryRules: Validator
export declare const countryRulesRecord: Validator
export declare const diff: Validator
export declare const entries: Validator
export declare const entriesRecord: Validator
export declare const entryHistory: Validator
export declare const entryHistoryRecord: Validator
export declare const heraldConfig: Validator
export declare const offerHistory: Validator
export declare const offerHistoryRecord: Validator
export declare const offers: Validator
export declare const offersRecord: Validator
export declare const report: Validator
export declare const tables: Validator
export declare const tablesRecord: Validator
