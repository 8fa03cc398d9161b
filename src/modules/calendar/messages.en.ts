/** English UI strings of the working calendar. Keys ending in .one/.other are a plural group, addressed by the base key. */
export const en = {
  'calendar.reason.saturday': 'Weekend (Saturday)',
  'calendar.reason.sunday': 'Weekend (Sunday)',
  'calendar.reason.holiday': '{name} holiday',
  'calendar.reason.holidayInLieu': '{name} holiday (a weekday off in exchange for a make-up working day)',
  'calendar.reason.makeUp': 'Make-up working day for the {name} holiday',
  'calendar.reason.workingDay': 'Working day',
  'calendar.source.override': 'Entered by the platform’s administrators',
  'calendar.source.assumed': 'Assumed: the statutory holidays of the National Holidays Measures (the year’s notice is not held yet)',
};
