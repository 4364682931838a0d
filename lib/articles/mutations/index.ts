export { createArticle, type SavedArticle } from "./create";
export { updateArticle } from "./update";
export { transitionArticle } from "./transition";
export { addCorrection } from "./correct";
export { deleteArticle } from "./delete";
