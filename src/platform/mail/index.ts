export { SEND_EMAIL, createMailer, emailMessageSchema, queueEmail, sendEmailHandler, type EmailMessage, type Mailer, type MailerOptions } from './mail.js';
