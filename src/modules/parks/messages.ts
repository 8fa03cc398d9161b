/** UI strings of the investment areas (parks and zones) pages; `t(lang, key)` accepts only these keys. */
import { defineMessages } from '../../platform/i18n/i18n.js';

export const t = defineMessages({
  en: {
    'parks.title': 'Investment areas',
    'parks.lead': 'Parks, science cities, development areas, comprehensive bonded zones and international cooperation zones, with their management bodies.',
    'parks.type.demonstration_zone': 'Demonstration zone',
    'parks.type.science_city': 'Science cities',
    'parks.type.development_area': 'Development area',
    'parks.type.bonded_zone': 'Comprehensive bonded zones',
    'parks.type.cooperation_zone': 'International cooperation zones',
    'parks.type.park': 'Parks',
    'parks.plannedArea': 'Planned area {area} km²',
    'parks.plannedAreaLabel': 'Planned area',
    'parks.contact': 'Management and contact',
    'parks.managementBody': 'Management body',
    'parks.partOf': 'Part of',
    'parks.districts': 'Districts',
    'parks.industries': 'Industries laid out here',
  },
  zh: {
    'parks.title': '投资区域',
    'parks.lead': '园区、科学城、开发区、综合保税区和国际合作园区及其管理机构。',
    'parks.type.demonstration_zone': '示范区',
    'parks.type.science_city': '科学城',
    'parks.type.development_area': '开发区',
    'parks.type.bonded_zone': '综合保税区',
    'parks.type.cooperation_zone': '国际合作园区',
    'parks.type.park': '园区',
    'parks.plannedArea': '规划面积 {area} 平方公里',
    'parks.plannedAreaLabel': '规划面积',
    'parks.contact': '管理机构和联系方式',
    'parks.managementBody': '管理机构',
    'parks.partOf': '所属',
    'parks.districts': '所在区',
    'parks.industries': '在此布局的产业',
  },
});
