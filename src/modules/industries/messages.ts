/** UI strings of the industries pages; `t(lang, key)` accepts only these keys. */
import { defineMessages } from '../../platform/i18n/i18n.js';

export const t = defineMessages({
  en: {
    'industries.title': 'Industries',
    'industries.lead': 'High-grade, precision and advanced industries, modern services and the cultural industry: advantages, key areas and where they are laid out.',
    'industries.category.hpa': 'High-grade, precision and advanced industries',
    'industries.category.modern_service': 'Modern service industries',
    'industries.category.cultural': 'Cultural industry',
    'industries.advantages': 'Industrial advantages',
    'industries.keyAreas': 'Key areas',
    'industries.keyLayout': 'Key layout',
    'industries.where': 'Where it is laid out',
  },
  zh: {
    'industries.title': '重点产业',
    'industries.lead': '高精尖产业、现代服务业和文化产业：产业优势、重点领域和重点布局。',
    'industries.category.hpa': '高精尖产业',
    'industries.category.modern_service': '现代服务业',
    'industries.category.cultural': '文化产业',
    'industries.advantages': '产业优势',
    'industries.keyAreas': '重点领域',
    'industries.keyLayout': '重点布局',
    'industries.where': '布局区域',
  },
});
