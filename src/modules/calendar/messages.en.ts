/** English UI strings of the working calendar. Keys ending in .one/.other are a plural group, addressed by the base key. */
export const en = {
  'calendar.reason.saturday': 'Weekend (Saturday)',
  'calendar.reason.sunday': 'Weekend (Sunday)',
  'calendar.reason.holiday': '{name} holiday',
  'calendar.reason.holidayInLieu': '{name} holiday (a weekday off in exchange for a make-up working day)',
  'calendar.reason.makeUp': 'Make-up working day for the {name} holiday',
};
