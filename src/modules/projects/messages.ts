/** UI strings of the investment projects page; `t(lang, key)` accepts only these keys. */
import { defineMessages } from '../../platform/i18n/i18n.js';

export const t = defineMessages({
  en: {
    'projects.title': 'Investment projects',
    'projects.lead': 'Projects of the 2025 Invest in Beijing Conference, by district, as listed in the guide.',
    'projects.filterLabel': 'Filter projects',
    'projects.allDistricts': 'All districts',
    'projects.words': 'Words in the name',
    'projects.count.one': '{count} project',
    'projects.count.other': '{count} projects',
    'projects.none': 'No project matches. Try fewer words or all districts.',
    'projects.moreAbout': 'More about {name}',
    'projects.error.q': 'Enter at most 100 characters.',
    'projects.status.about': 'Each project says whether it is still open to investors or already taken up: an investor has signed an agreement for it.',
    'projects.status.open': 'Open',
    'projects.status.taken': 'Taken up',
  },
  zh: {
    'projects.title': '投资项目',
    'projects.lead': '指南所列2025投资北京全球峰会投资合作项目，按区排列。',
    'projects.filterLabel': '筛选项目',
    'projects.allDistricts': '全部区',
    'projects.words': '名称关键词',
    'projects.count.other': '共 {count} 个项目',
    'projects.none': '没有符合条件的项目。请减少关键词或选择全部区。',
    'projects.moreAbout': '了解{name}',
    'projects.error.q': '关键词不能超过100个字符。',
    'projects.status.about': '每个项目均注明是否仍可洽谈，或已有投资方签约承接。',
    'projects.status.open': '可洽谈',
    'projects.status.taken': '已承接',
  },
});
