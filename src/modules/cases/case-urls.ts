/** Addresses of the service line's public pages (the tracking link carries the token, so it is sent only to the enterprise). */
export function trackingUrl(baseUrl: string, lang: 'en' | 'zh', reference: string, token: string): string {
  const query = new URLSearchParams({ ref: reference, token });
  return `${baseUrl.replace(/\/$/, '')}/${lang}/service/track?${query.toString()}`;
}

/** The tracking page without the token (e-mails after the first: the enterprise enters the token it kept). */
export function trackingPageUrl(baseUrl: string, lang: 'en' | 'zh', reference: string): string {
  return `${baseUrl.replace(/\/$/, '')}/${lang}/service/track?${new URLSearchParams({ ref: reference }).toString()}`;
}
