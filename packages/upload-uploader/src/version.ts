/** The version of @upkit/upload-uploader, kept equal to package.json by `npm run version-packages`. */
export const VERSION = '0.0.0';
