/** S3's limit for a single PUT (and for one part): 5 GiB. */
export const MAX_PUT_BYTES = 5 * 1024 ** 3;

/** S3's largest object: 5 TiB. */
export const MAX_OBJECT_BYTES = 5 * 1024 ** 4;

/** The longest presigned URL lifetime S3 accepts: 7 days, in seconds. */
export const MAX_PRESIGN_SECONDS = 604_800;
