/** The app's URL shapes, in one place. */
export const lessonPath = (moduleId: string, slug: string) => `/learn/${moduleId}/${slug}`;
export const lessonRoutePattern = '/learn/:moduleId/:slug';
export const presentPath = (moduleId: string, slug: string, slide?: number) =>
  `/present/${moduleId}/${slug}${slide ? `?slide=${slide}` : ''}`;
export const presentRoutePattern = '/present/:moduleId/:slug';
export const presentConsolePath = (moduleId: string, slug: string) =>
  `/present/${moduleId}/${slug}/console`;
export const presentConsolePattern = '/present/:moduleId/:slug/console';
