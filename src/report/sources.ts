/**
 * The source tags that flags cite (docs/rules.md, "Sources"), with the titles and addresses a
 * clinician needs to look them up. Addresses are printed as text; documents never link out.
 */

/**
 * How much weight a source carries, most first: clinical guidelines, then peer-reviewed papers and
 * clinical references, then the patient pages of health services and professional bodies, then
 * consumer and company articles. Citations are listed in this order.
 */
export const AUTHORITY = { GUIDELINE: 1, REVIEW: 2, PATIENT_PAGE: 3, CONSUMER: 4 } as const;
export type Authority = (typeof AUTHORITY)[keyof typeof AUTHORITY];

export interface Source {
  tag: string;
  authority: Authority;
  /** A few words for citing inline next to a flag. */
  short: string;
  /** The full reference: authors, title, publication. */
  title: string;
  urls: string[];
}

const SOURCE_LIST: Source[] = [
  {
    tag: 'S1',
    authority: AUTHORITY.CONSUMER,
    short: 'The Flex Company: bleeding during or after sex',
    title:
      'The Flex Company (2023), consumer article on bleeding during or after sex (postcoital bleeding, IUDs, pregnancy, menopause)',
    urls: [],
  },
  {
    tag: 'S2',
    authority: AUTHORITY.CONSUMER,
    short: 'Consumer article: cramping after sex',
    title: 'Consumer article on cramping after sex',
    urls: [],
  },
  {
    tag: 'S3',
    authority: AUTHORITY.CONSUMER,
    short: 'What Causes Spotting During the Menstrual Cycle?',
    title:
      '"What Causes Spotting During the Menstrual Cycle?", fertility-education page reviewed by Dr Christine Traxler, MD',
    urls: [],
  },
  {
    tag: 'X-FIGO18',
    authority: AUTHORITY.GUIDELINE,
    short: 'FIGO systems for abnormal uterine bleeding, 2018',
    title:
      'Munro MG, Critchley HOD, Fraser IS; FIGO Menstrual Disorders Committee. The two FIGO systems for normal and abnormal uterine bleeding symptoms and classification of causes of abnormal uterine bleeding in the reproductive years: 2018 revisions. Int J Gynaecol Obstet 2018;143:393–408',
    urls: [
      'https://doi.org/10.1002/ijgo.12666',
      'https://www.msdmanuals.com/professional/multimedia/table/normal-menstrual-parameters',
    ],
  },
  {
    tag: 'X-FIGO11',
    authority: AUTHORITY.GUIDELINE,
    short: 'FIGO terminology for abnormal uterine bleeding, 2011',
    title:
      'Fraser IS, Critchley HOD, Broder M, Munro MG. The FIGO recommendations on terminologies and definitions for normal and abnormal uterine bleeding. Semin Reprod Med 2011;29:383–390',
    urls: ['https://www.medscape.com/viewarticle/753127_4'],
  },
  {
    tag: 'X-FIGO23',
    authority: AUTHORITY.GUIDELINE,
    short: 'FIGO evaluation of abnormal uterine bleeding, 2023',
    title:
      'Jain V, Munro MG, Critchley HOD. Contemporary evaluation of women and girls with abnormal uterine bleeding: FIGO Systems 1 and 2. Int J Gynaecol Obstet 2023;162(S2):29–42',
    urls: ['https://pmc.ncbi.nlm.nih.gov/articles/PMC10952771'],
  },
  {
    tag: 'X-APPLE',
    authority: AUTHORITY.CONSUMER,
    short: 'Apple HealthKit cycle deviation thresholds',
    title:
      'Apple Developer documentation, HealthKit HKCategoryTypeIdentifier (prolonged menstrual periods, irregular and infrequent menstrual cycles, persistent intermenstrual bleeding)',
    urls: [
      'https://developer.apple.com/documentation/healthkit/hkcategorytypeidentifier/prolongedmenstrualperiods',
    ],
  },
  {
    tag: 'X-TARNEY',
    authority: AUTHORITY.REVIEW,
    short: 'Tarney & Han, Postcoital bleeding: a review, 2014',
    title:
      'Tarney CM, Han J. Postcoital bleeding: a review on etiology, diagnosis, and management. Obstet Gynecol Int 2014;2014:192087',
    urls: ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC4086375/'],
  },
  {
    tag: 'X-CMAJ',
    authority: AUTHORITY.REVIEW,
    short: 'CMAJ, Postcoital bleeding: five things to know, 2023',
    title: 'Postcoital bleeding (five things to know). CMAJ 2023',
    urls: ['https://pmc.ncbi.nlm.nih.gov/articles/PMC10495171'],
  },
  {
    tag: 'X-MD',
    authority: AUTHORITY.REVIEW,
    short: 'Morgan & Datta, Intermenstrual and post-coital bleeding',
    title:
      'Morgan S, Datta S. Intermenstrual and post-coital bleeding (case-based learning). Obstetrics, Gynaecology & Reproductive Medicine',
    urls: [],
  },
  {
    tag: 'X-NHS-IMB',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'NHS: bleeding between periods or after sex',
    title: 'NHS. Vaginal bleeding between periods or after sex',
    urls: ['https://www.nhs.uk/conditions/vaginal-bleeding-between-periods-or-after-sex/'],
  },
  {
    tag: 'X-NHS-PMB',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'NHS: postmenopausal bleeding',
    title: 'NHS. Postmenopausal bleeding',
    urls: ['https://www.nhs.uk/conditions/post-menopausal-bleeding/'],
  },
  {
    tag: 'X-NHS-PER',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'NHS: periods, do I need a doctor?',
    title: 'NHS Live Well. Periods: do I need a doctor?',
    urls: [],
  },
  {
    tag: 'X-NHS-PCB-LOCAL',
    authority: AUTHORITY.GUIDELINE,
    short: 'NHS local pathways: postcoital bleeding',
    title:
      'Hertfordshire & West Essex ICB, Postcoital bleeding in primary care; Scarborough & Ryedale CCG, Post coital bleeding',
    urls: [
      'https://www.hweclinicalguidance.nhs.uk/clinical-pathways/postcoital-bleeding-in-primary-care-management/',
    ],
  },
  {
    tag: 'X-NICE-NG12',
    authority: AUTHORITY.GUIDELINE,
    short: 'NICE NG12: suspected cancer, recognition and referral',
    title: 'NICE guideline NG12. Suspected cancer: recognition and referral',
    urls: ['https://www.nice.org.uk/guidance/ng12'],
  },
  {
    tag: 'X-NICE-NG23',
    authority: AUTHORITY.GUIDELINE,
    short: 'NICE NG23: menopause, identification and management',
    title:
      'NICE guideline NG23. Menopause: identification and management (diagnosis without tests over 45: no period for at least 12 months)',
    urls: ['https://www.nice.org.uk/guidance/ng23'],
  },
  {
    tag: 'X-NHS-PID',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'NHS: pelvic inflammatory disease',
    title:
      'NHS. Pelvic inflammatory disease (PID): "ask for an urgent GP appointment or get help from NHS 111 if you think you have symptoms of PID"',
    urls: ['https://www.nhs.uk/conditions/pelvic-inflammatory-disease-pid/'],
  },
  {
    tag: 'X-NICE-NG88',
    authority: AUTHORITY.GUIDELINE,
    short: 'NICE NG88: heavy menstrual bleeding',
    title: 'NICE guideline NG88. Heavy menstrual bleeding: assessment and management',
    urls: ['https://www.nice.org.uk/guidance/ng88'],
  },
  {
    tag: 'X-ACOG-PMB',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'ACOG: bleeding after menopause',
    title: "ACOG. Bleeding After Menopause Could Be a Problem. Here's What to Know",
    urls: [
      'https://www.acog.org/womens-health/experts-and-stories/the-latest/bleeding-after-menopause-could-be-a-problem-heres-what-to-know',
    ],
  },
  {
    tag: 'X-ACOG-BTB',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'ACOG: breakthrough bleeding with birth control',
    title: 'ACOG. What You Should Know About Breakthrough Bleeding With Birth Control',
    urls: [
      'https://www.acog.org/womens-health/experts-and-stories/the-latest/what-you-should-know-about-breakthrough-bleeding-with-birth-control',
    ],
  },
  {
    tag: 'X-CDC-HMB',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'CDC: heavy menstrual bleeding',
    title: 'CDC. Heavy menstrual bleeding',
    urls: ['https://www.cdc.gov/female-blood-disorders/about/heavy-menstrual-bleeding.html'],
  },
  {
    tag: 'X-PARAGARD',
    authority: AUTHORITY.CONSUMER,
    short: 'Paragard patient information',
    title: 'Paragard (copper IUD) patient FAQ and safety information',
    urls: ['https://www.paragard.com/safety-information/'],
  },
  {
    tag: 'X-MAYO-COPPER',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'Mayo Clinic: copper IUD risks',
    title: 'Mayo Clinic. Copper IUD (ParaGard): risks',
    urls: ['http://www.mayoclinic.org/tests-procedures/paragard/basics/risks/PRC-20013048'],
  },
  {
    tag: 'X-MIRENA',
    authority: AUTHORITY.CONSUMER,
    short: 'Mirena: what to expect after placement',
    title: 'Mirena. What to expect after placement',
    urls: ['https://www.mirena-us.com/after-placement/'],
  },
  {
    tag: 'X-MAYO-PID',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'Mayo Clinic: pelvic inflammatory disease',
    title: 'Mayo Clinic. Pelvic inflammatory disease: symptoms and causes',
    urls: [
      'http://www.mayoclinic.org/diseases-conditions/pelvic-inflammatory-disease/symptoms-causes/dxc-20318612',
    ],
  },
  {
    tag: 'X-CDC-PID',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'CDC: pelvic inflammatory disease fact sheet',
    title: 'CDC. Pelvic inflammatory disease (PID) fact sheet',
    urls: [],
  },
  {
    tag: 'X-AAFP-LPB',
    authority: AUTHORITY.REVIEW,
    short: 'Sakornbut et al., Late pregnancy bleeding, 2007',
    title:
      'Sakornbut E, Leeman L, Fontaine P. Late pregnancy bleeding. Am Fam Physician 2007;75:1199–206',
    urls: [],
  },
  {
    tag: 'X-NHSPREG',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'NHS maternity advice: bleeding in pregnancy',
    title:
      'NHS maternity sources on bleeding in pregnancy (Safer Pregnancy; University Hospitals Birmingham, When to call the midwife; RCOG, Bleeding and/or pain in early pregnancy)',
    urls: [
      'https://saferpregnancy.org.uk/questions-and-advice-in-pregnancy/bleeding-vagina-pregnancy',
    ],
  },
  {
    tag: 'X-WILCOX',
    authority: AUTHORITY.REVIEW,
    short: 'Wilcox et al., Time of implantation, 1999',
    title:
      'Wilcox AJ, Baird DD, Weinberg CR. Time of implantation of the conceptus and loss of pregnancy. N Engl J Med 1999;340:1796–9',
    urls: [],
  },
  {
    tag: 'X-HEITMANN',
    authority: AUTHORITY.REVIEW,
    short: 'Heitmann et al., Premenstrual spotting and endometriosis, 2014',
    title:
      'Heitmann RJ et al. Premenstrual spotting of ≥ 2 days is strongly associated with histologically confirmed endometriosis in women with infertility. Am J Obstet Gynecol 2014',
    urls: ['https://www.ajog.org/article/S0002-9378(14)00437-2/fulltext'],
  },
  {
    tag: 'X-AAFP-DYS',
    authority: AUTHORITY.REVIEW,
    short: 'Osayande & Mehulic, Dysmenorrhea, 2014',
    title:
      'Osayande AS, Mehulic S. Diagnosis and initial management of dysmenorrhea. Am Fam Physician 2014;89:341–6',
    urls: ['http://www.aafp.org/afp/2014/0301/p341.html'],
  },
  {
    tag: 'X-MEDSCAPE-DYS',
    authority: AUTHORITY.REVIEW,
    short: 'Medscape: dysmenorrhea',
    title: 'Medscape. Dysmenorrhea (features of secondary dysmenorrhea)',
    urls: [],
  },
  {
    tag: 'X-AAFP-DYSP',
    authority: AUTHORITY.REVIEW,
    short: 'Seehusen et al., Dyspareunia in women, 2014',
    title: 'Seehusen DA, Baird DC, Bode DV. Dyspareunia in women. Am Fam Physician 2014;90:465–70',
    urls: [],
  },
  {
    tag: 'X-NICHD',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'NICHD: menstrual irregularities',
    title: 'NICHD. What are menstrual irregularities?',
    urls: [
      'https://www.nichd.nih.gov/health/topics/menstruation/conditioninfo/Pages/irregularities.aspx',
    ],
  },
  {
    tag: 'X-CC',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'Cleveland Clinic: bleeding after sex',
    title: 'Cleveland Clinic Health Essentials. Do You Bleed After Sex? When to See a Doctor',
    urls: ['https://health.clevelandclinic.org/what-should-you-do-if-you-bleed-after-sex/'],
  },
  {
    tag: 'X-HRD',
    authority: AUTHORITY.PATIENT_PAGE,
    short: 'Health Resource Directory: intermenstrual and post-coital bleeding',
    title: 'Health Resource Directory (Australia). Intermenstrual and post-coital bleeding',
    urls: [
      'https://healthresourcedirectory.org.au/en/health-resource-directory/intermenstrual-and-post-coital-bleeding/',
    ],
  },
  {
    tag: 'X-WS',
    authority: AUTHORITY.REVIEW,
    short: 'Case vignette: ovulatory intermenstrual bleeding',
    title:
      'World Scientific case vignette on physiological intermenstrual (ovulatory) bleeding (supporting evidence only)',
    urls: [],
  },
  {
    tag: 'X-NC',
    authority: AUTHORITY.CONSUMER,
    short: 'Natural Cycles: atypical or irregular cycles',
    title: 'Natural Cycles help centre. Why was my cycle flagged as atypical or irregular?',
    urls: ['https://help.naturalcycles.com/hc/en-us/articles/23130705010205'],
  },
  {
    tag: 'X-BULL',
    authority: AUTHORITY.REVIEW,
    short: 'Bull et al., 600,000 menstrual cycles, 2019',
    title:
      'Bull JR et al. Real-world menstrual cycle characteristics of more than 600,000 menstrual cycles. NPJ Digit Med 2019',
    urls: ['https://pmc.ncbi.nlm.nih.gov/articles/PMC6710244/'],
  },
];

export const SOURCES: ReadonlyMap<string, Source> = new Map(SOURCE_LIST.map((s) => [s.tag, s]));

/** Accepts `S1` and `[S1]`; unknown tags come back as a bare tag so a citation is never lost. */
export function getSource(tag: string): Source {
  const bare = tag.replace(/^\[|\]$/g, '');
  return (
    SOURCES.get(bare) ?? {
      tag: bare,
      authority: AUTHORITY.CONSUMER,
      short: bare,
      title: bare,
      urls: [],
    }
  );
}

/** The distinct sources cited by a list of tag lists, in order of first citation. */
export function getCitedSources(tagLists: readonly (readonly string[])[]): Source[] {
  const seen = new Map<string, Source>();
  for (const tags of tagLists) {
    for (const tag of tags) {
      const source = getSource(tag);
      if (!seen.has(source.tag)) seen.set(source.tag, source);
    }
  }
  return [...seen.values()];
}

/** The tags ordered by authority (guidelines first); equal ranks keep the order given. */
export function sortByAuthority(tags: readonly string[]): string[] {
  return tags
    .map((tag, index) => ({ tag, index, rank: getSource(tag).authority }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map((t) => t.tag);
}
