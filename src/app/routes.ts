/** The app's URL shapes, in one place. */
export const lessonPath = (moduleId: string, slug: string) => `/learn/${moduleId}/${slug}`;
export const lessonRoutePattern = '/learn/:moduleId/:slug';
