const KEY = 'ltc.apiKey';

/** The API key lives in session storage: gone when the tab closes, never in a cookie or the URL. */
export const storedKey = (): string | null => sessionStorage.getItem(KEY);
export const storeKey = (key: string): void => sessionStorage.setItem(KEY, key);
export const forgetKey = (): void => sessionStorage.removeItem(KEY);
