export { createArticle, type SavedArticle } from "./create";
export { updateArticle } from "./update";
export { transitionArticle } from "./transition";
export { addCorrection } from "./correct";
export { addCorrectionSchema, CORRECTION_KIND_LABELS, type AddCorrectionInput } from "../schema";
export { deleteArticle } from "./delete";
export { deleteArticleSchema } from "../schema";
