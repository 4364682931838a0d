export { createArticle, type SavedArticle } from "./create";
export { updateArticle } from "./update";
export { transitionArticle } from "./transition";
export { addCorrection, addCorrectionSchema, CORRECTION_KIND_LABELS, type AddCorrectionInput } from "./correct";
export { deleteArticle, deleteArticleSchema } from "./delete";
