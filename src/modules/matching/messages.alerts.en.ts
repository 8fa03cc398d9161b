/** English strings of the policy-alert form shown under the results of Policies for me and the plan (the alerts module handles it). */
export const alertFormEn = {
  'alerts.form.title': 'E-mail me when a policy that fits this profile is published or changed',
  'alerts.form.lead': 'We send one e-mail first to confirm the address: nothing else is sent until you confirm. No account is needed.',
  'alerts.form.email': 'Your e-mail address',
  'alerts.form.lang': 'Language of the e-mails',
  'alerts.form.langEn': 'English',
  'alerts.form.langZh': '中文',
  'alerts.form.consent': 'I agree that the platform stores my e-mail address, the language I chose and the answers above, only to e-mail me when a policy that fits them is published or changed. Every e-mail has a link that stops all e-mails at once.',
  'alerts.form.submit': 'E-mail me about policies',
  'alerts.form.error.email': 'Enter an e-mail address, such as name@example.com',
  'alerts.form.error.lang': 'Choose the language of the e-mails',
  'alerts.form.error.consent': 'Tick the box to agree that we store your address and answers for these e-mails',
  'alerts.form.error.profile': 'Answer at least one question above before asking for e-mails',
} as const;
