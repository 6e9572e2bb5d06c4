/** The version of @upkit/sandbox, kept equal to package.json by `npm run version-packages`. */
export const VERSION = '0.0.0';
