/**
 * The XML form of each GeoReport v2 answer, element for element the JSON one (the specification's Spark convention:
 * a list is a wrapper element holding one element per item), and the discovery document.
 */
import type { Discovery, Open311ErrorItem, Open311Service, PostAnswer, ServiceDefinition, ServiceRequest } from './open311.schemas.js';
import { routes, urls } from '../../platform/http/urls.js';
import { el, fields, xmlDocument } from './xml.js';

export const SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';

export function discovery(baseUrl: string, contentVersion: number): Discovery {
  const changeset = `content-version-${contentVersion}`;
  return {
    changeset,
    contact: `Invest Beijing One-Stop, ${baseUrl}${urls.about('en')}`,
    key_service: 'API keys for filing requests are issued to partner applications by the platform’s operators (npm run open311:create-client); reading needs no key.',
    endpoints: [{ specification: SPECIFICATION, url: `${baseUrl}${routes.open311}`, changeset, type: 'production', formats: ['application/json', 'text/xml'] }],
  };
}

export function discoveryXml(value: Discovery): string {
  return xmlDocument(
    el('discovery', [
      el('changeset', value.changeset),
      el('contact', value.contact),
      el('key_service', value.key_service),
      el('endpoints', value.endpoints.map((endpoint) =>
        el('endpoint', [
          ...fields({ specification: endpoint.specification, url: endpoint.url, changeset: endpoint.changeset, type: endpoint.type }),
          el('formats', endpoint.formats.map((format) => el('format', format))),
        ]),
      )),
    ]),
  );
}

export function servicesXml(services: Open311Service[]): string {
  return xmlDocument(el('services', services.map((service) => el('service', fields(service)))));
}

export function serviceDefinitionXml(definition: ServiceDefinition): string {
  return xmlDocument(
    el('service_definition', [
      el('service_code', definition.service_code),
      el('attributes', definition.attributes.map(({ values, ...attribute }) =>
        el('attribute', [...fields(attribute), ...(values ? [el('values', values.map((value) => el('value', fields(value))))] : [])]),
      )),
    ]),
  );
}

export function postAnswerXml(answer: PostAnswer): string {
  return xmlDocument(el('service_requests', answer.map((request) => el('request', fields(request)))));
}

export function tokenAnswerXml(answer: { service_request_id: string; token: string }[]): string {
  return xmlDocument(el('service_requests', answer.map((request) => el('request', fields(request)))));
}

export function requestsXml(requests: ServiceRequest[]): string {
  return xmlDocument(el('service_requests', requests.map((request) => el('request', fields(request)))));
}

export function errorsXml(errors: Open311ErrorItem[]): string {
  return xmlDocument(el('errors', errors.map((error) => el('error', fields(error)))));
}
