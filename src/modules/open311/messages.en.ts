/**
 * English strings of the Open311 GeoReport v2 answers: service names, the attributes of a service definition, the
 * notes on a request's status. Error descriptions are English only, like the JSON API's problems.
 */
export const en = {
  'open311.kind.inquiry': 'Inquiry',
  'open311.kind.demand': 'Demand',
  'open311.kind.complaint': 'Complaint',
  'open311.kind.report': 'Report',
  'open311.service.name': '{kind}: {topic}',
  'open311.service.group': 'Enterprise service line',

  'open311.attr.subject': 'Subject: one line, such as “R&D centre subsidy not paid”. When left out, the first line of the description is used.',
  'open311.attr.subject.type': 'Text on one line, up to 200 characters',
  'open311.attr.district': 'The district the matter concerns; its acceptance office then receives it. Leave it out for all of Beijing.',
  'open311.attr.enterprise_name': 'Name of the enterprise the request is made for.',
  'open311.attr.enterprise_name.type': 'Text, up to 300 characters',
  'open311.attr.uscc': 'Unified social credit code of the enterprise: the 18 characters on its business licence, checked by its check character.',
  'open311.attr.uscc.type': '18 letters and digits, such as 91110000600007336X',
  'open311.attr.foreign_invested': 'Is the enterprise foreign-invested?',
  'open311.attr.investor_origin': 'Country or region the investor comes from, such as Germany or Hong Kong SAR.',
  'open311.attr.investor_origin.type': 'Text, up to 100 characters',
  'open311.attr.fie_complaint': 'File this complaint under the complaint mechanism for foreign-invested enterprises (its own time limits, in working days).',
  'open311.attr.anonymous': 'Anonymous: no contact details are kept and nobody calls back; the tracking token is then the only way back to the request. Do not send an e-mail address or a telephone number with it.',
  'open311.attr.lang': 'Language of the e-mails and of the tracking page.',
  'open311.attr.consent': 'The enterprise agrees that its request and the details it gives go to the acceptance office and the units that handle it, and are used only to handle and answer it and to check the time limits.',
  'open311.value.yes': 'Yes',
  'open311.value.no': 'No',
  'open311.value.agree': 'The enterprise agrees',
  'open311.value.en': 'English',
  'open311.value.zh': 'Chinese',

  'open311.step.submit': 'Received',
  'open311.step.accept': 'Accepted',
  'open311.step.reject': 'Not accepted',
  'open311.step.request_materials': 'Waiting for materials from the enterprise',
  'open311.step.supply_materials': 'Materials received from the enterprise',
  'open311.step.answer': 'Answered',
  'open311.step.mark_duplicate': 'Closed as a duplicate of another request',
  'open311.step.dispatch': 'Sent to the unit that handles it',
  'open311.step.sign_for': 'Taken on by the handling unit',
  'open311.step.approve_extension': 'Time limit extended',
  'open311.step.approve_reply': 'Replied',
  'open311.step.close': 'Closed',
  'open311.step.reopen': 'Reopened',

  'open311.trailer.heading': 'Sent through Open311 by {client}:',
  'open311.trailer.address': 'Address: {address}',
  'open311.trailer.addressId': 'Address identifier: {id}',
  'open311.trailer.coordinates': 'Coordinates (WGS84): {lat}, {long}',
  'open311.trailer.media': 'Media link (not opened by the platform): {url}',

  'open311.notice.due': '{rule} Answer due by {due}.',
} as const;
