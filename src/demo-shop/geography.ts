/**
 * Where the seeded customers live: every state and DC with its population
 * (2020 census, thousands), a few cities with their three-digit ZIP prefix,
 * area codes, its time zone and the warehouse that serves it. Names and
 * streets are invented combinations of common ones. Phones use 555-01xx,
 * the block reserved for fiction, and emails reserved domains (RFC 2606).
 */
import type { StateCode } from '../contract/values/us-address';

export type WarehouseId = 'edison-nj' | 'ontario-ca' | 'dallas-tx';

export type StateGeo = {
  code: StateCode;
  /** Residents in thousands, 2020 census. */
  population: number;
  /** Standard-time offset from UTC in hours; `dst` when the state moves clocks forward in summer (most of it does). */
  utcOffset: number;
  dst: boolean;
  /** East ships from Edison NJ, the West from Ontario CA, the centre and South from Dallas TX. */
  warehouse: WarehouseId;
  /** [city, three-digit ZIP prefix] */
  cities: readonly (readonly [string, string])[];
  areaCodes: readonly string[];
};

const E = 'edison-nj';
const W = 'ontario-ca';
const C = 'dallas-tx';

const s = (
  code: StateCode,
  population: number,
  utcOffset: number,
  dst: boolean,
  warehouse: WarehouseId,
  cities: readonly (readonly [string, string])[],
  areaCodes: string,
): StateGeo => ({ code, population, utcOffset, dst, warehouse, cities, areaCodes: areaCodes.split(' ') });

export const STATES_GEO: readonly StateGeo[] = [
  s(
    'AL',
    5024,
    -6,
    true,
    C,
    [
      ['Birmingham', '352'],
      ['Huntsville', '358'],
      ['Mobile', '366'],
      ['Montgomery', '361'],
    ],
    '205 251 256 334',
  ),
  s(
    'AK',
    733,
    -9,
    true,
    W,
    [
      ['Anchorage', '995'],
      ['Fairbanks', '997'],
      ['Juneau', '998'],
    ],
    '907',
  ),
  s(
    'AZ',
    7152,
    -7,
    false,
    W,
    [
      ['Phoenix', '850'],
      ['Tucson', '857'],
      ['Mesa', '852'],
      ['Scottsdale', '852'],
      ['Flagstaff', '860'],
    ],
    '480 520 602 623 928',
  ),
  s(
    'AR',
    3012,
    -6,
    true,
    C,
    [
      ['Little Rock', '722'],
      ['Fayetteville', '727'],
      ['Fort Smith', '729'],
    ],
    '479 501 870',
  ),
  s(
    'CA',
    39538,
    -8,
    true,
    W,
    [
      ['Los Angeles', '900'],
      ['San Diego', '921'],
      ['San Jose', '951'],
      ['San Francisco', '941'],
      ['Sacramento', '958'],
      ['Fresno', '937'],
      ['Oakland', '946'],
      ['Irvine', '926'],
    ],
    '213 310 408 415 510 619 714 916 949',
  ),
  s(
    'CO',
    5774,
    -7,
    true,
    C,
    [
      ['Denver', '802'],
      ['Colorado Springs', '809'],
      ['Boulder', '803'],
      ['Fort Collins', '805'],
    ],
    '303 719 720 970',
  ),
  s(
    'CT',
    3606,
    -5,
    true,
    E,
    [
      ['Hartford', '061'],
      ['New Haven', '065'],
      ['Stamford', '069'],
      ['Bridgeport', '066'],
    ],
    '203 860',
  ),
  s(
    'DE',
    990,
    -5,
    true,
    E,
    [
      ['Wilmington', '198'],
      ['Dover', '199'],
      ['Newark', '197'],
    ],
    '302',
  ),
  s('DC', 690, -5, true, E, [['Washington', '200']], '202'),
  s(
    'FL',
    21538,
    -5,
    true,
    E,
    [
      ['Miami', '331'],
      ['Orlando', '328'],
      ['Tampa', '336'],
      ['Jacksonville', '322'],
      ['Tallahassee', '323'],
      ['Fort Lauderdale', '333'],
    ],
    '305 407 813 904 954 850',
  ),
  s(
    'GA',
    10712,
    -5,
    true,
    E,
    [
      ['Atlanta', '303'],
      ['Savannah', '314'],
      ['Augusta', '309'],
      ['Athens', '306'],
    ],
    '404 678 770 912 706',
  ),
  s(
    'HI',
    1455,
    -10,
    false,
    W,
    [
      ['Honolulu', '968'],
      ['Hilo', '967'],
      ['Kailua', '967'],
    ],
    '808',
  ),
  s(
    'ID',
    1839,
    -7,
    true,
    W,
    [
      ['Boise', '837'],
      ['Idaho Falls', '834'],
      ["Coeur d'Alene", '838'],
    ],
    '208',
  ),
  s(
    'IL',
    12813,
    -6,
    true,
    C,
    [
      ['Chicago', '606'],
      ['Naperville', '605'],
      ['Springfield', '627'],
      ['Peoria', '616'],
    ],
    '312 630 773 217 309',
  ),
  s(
    'IN',
    6786,
    -5,
    true,
    E,
    [
      ['Indianapolis', '462'],
      ['Fort Wayne', '468'],
      ['Bloomington', '474'],
      ['South Bend', '466'],
    ],
    '317 260 812 574',
  ),
  s(
    'IA',
    3190,
    -6,
    true,
    C,
    [
      ['Des Moines', '503'],
      ['Cedar Rapids', '524'],
      ['Iowa City', '522'],
      ['Davenport', '528'],
    ],
    '515 319 563',
  ),
  s(
    'KS',
    2938,
    -6,
    true,
    C,
    [
      ['Wichita', '672'],
      ['Overland Park', '662'],
      ['Topeka', '666'],
      ['Lawrence', '660'],
    ],
    '316 913 785',
  ),
  s(
    'KY',
    4506,
    -5,
    true,
    E,
    [
      ['Louisville', '402'],
      ['Lexington', '405'],
      ['Bowling Green', '421'],
    ],
    '502 859 270',
  ),
  s(
    'LA',
    4658,
    -6,
    true,
    C,
    [
      ['New Orleans', '701'],
      ['Baton Rouge', '708'],
      ['Shreveport', '711'],
      ['Lafayette', '705'],
    ],
    '504 225 318 337',
  ),
  s(
    'ME',
    1362,
    -5,
    true,
    E,
    [
      ['Portland', '041'],
      ['Bangor', '044'],
      ['Augusta', '043'],
    ],
    '207',
  ),
  s(
    'MD',
    6177,
    -5,
    true,
    E,
    [
      ['Baltimore', '212'],
      ['Silver Spring', '209'],
      ['Annapolis', '214'],
      ['Frederick', '217'],
    ],
    '410 301 240 443',
  ),
  s(
    'MA',
    7030,
    -5,
    true,
    E,
    [
      ['Boston', '021'],
      ['Cambridge', '021'],
      ['Worcester', '016'],
      ['Springfield', '011'],
    ],
    '617 508 413 781',
  ),
  s(
    'MI',
    10077,
    -5,
    true,
    E,
    [
      ['Detroit', '482'],
      ['Grand Rapids', '495'],
      ['Ann Arbor', '481'],
      ['Lansing', '489'],
    ],
    '313 616 734 517',
  ),
  s(
    'MN',
    5706,
    -6,
    true,
    C,
    [
      ['Minneapolis', '554'],
      ['Saint Paul', '551'],
      ['Rochester', '559'],
      ['Duluth', '558'],
    ],
    '612 651 507 218',
  ),
  s(
    'MS',
    2961,
    -6,
    true,
    C,
    [
      ['Jackson', '392'],
      ['Gulfport', '395'],
      ['Hattiesburg', '394'],
    ],
    '601 228 769',
  ),
  s(
    'MO',
    6155,
    -6,
    true,
    C,
    [
      ['Kansas City', '641'],
      ['St. Louis', '631'],
      ['Springfield', '658'],
      ['Columbia', '652'],
    ],
    '816 314 417 573',
  ),
  s(
    'MT',
    1084,
    -7,
    true,
    W,
    [
      ['Billings', '591'],
      ['Missoula', '598'],
      ['Bozeman', '597'],
    ],
    '406',
  ),
  s(
    'NE',
    1962,
    -6,
    true,
    C,
    [
      ['Omaha', '681'],
      ['Lincoln', '685'],
    ],
    '402 531',
  ),
  s(
    'NV',
    3105,
    -8,
    true,
    W,
    [
      ['Las Vegas', '891'],
      ['Henderson', '890'],
      ['Reno', '895'],
    ],
    '702 775',
  ),
  s(
    'NH',
    1378,
    -5,
    true,
    E,
    [
      ['Manchester', '031'],
      ['Nashua', '030'],
      ['Concord', '033'],
    ],
    '603',
  ),
  s(
    'NJ',
    9289,
    -5,
    true,
    E,
    [
      ['Newark', '071'],
      ['Jersey City', '073'],
      ['Princeton', '085'],
      ['Hoboken', '070'],
      ['Edison', '088'],
    ],
    '201 973 609 732 908',
  ),
  s(
    'NM',
    2118,
    -7,
    true,
    C,
    [
      ['Albuquerque', '871'],
      ['Santa Fe', '875'],
      ['Las Cruces', '880'],
    ],
    '505 575',
  ),
  s(
    'NY',
    20201,
    -5,
    true,
    E,
    [
      ['New York', '100'],
      ['Brooklyn', '112'],
      ['Buffalo', '142'],
      ['Rochester', '146'],
      ['Albany', '122'],
      ['Syracuse', '132'],
    ],
    '212 718 716 585 518 315 917',
  ),
  s(
    'NC',
    10439,
    -5,
    true,
    E,
    [
      ['Charlotte', '282'],
      ['Raleigh', '276'],
      ['Durham', '277'],
      ['Greensboro', '274'],
      ['Asheville', '288'],
    ],
    '704 919 336 828 984',
  ),
  s(
    'ND',
    779,
    -6,
    true,
    C,
    [
      ['Fargo', '581'],
      ['Bismarck', '585'],
    ],
    '701',
  ),
  s(
    'OH',
    11799,
    -5,
    true,
    E,
    [
      ['Columbus', '432'],
      ['Cleveland', '441'],
      ['Cincinnati', '452'],
      ['Toledo', '436'],
      ['Akron', '443'],
    ],
    '614 216 513 419 330',
  ),
  s(
    'OK',
    3959,
    -6,
    true,
    C,
    [
      ['Oklahoma City', '731'],
      ['Tulsa', '741'],
      ['Norman', '730'],
    ],
    '405 918',
  ),
  s(
    'OR',
    4237,
    -8,
    true,
    W,
    [
      ['Portland', '972'],
      ['Eugene', '974'],
      ['Salem', '973'],
      ['Bend', '977'],
    ],
    '503 541 971',
  ),
  s(
    'PA',
    13003,
    -5,
    true,
    E,
    [
      ['Philadelphia', '191'],
      ['Pittsburgh', '152'],
      ['Allentown', '181'],
      ['Harrisburg', '171'],
    ],
    '215 412 610 717 267',
  ),
  s(
    'RI',
    1097,
    -5,
    true,
    E,
    [
      ['Providence', '029'],
      ['Warwick', '028'],
    ],
    '401',
  ),
  s(
    'SC',
    5118,
    -5,
    true,
    E,
    [
      ['Charleston', '294'],
      ['Columbia', '292'],
      ['Greenville', '296'],
    ],
    '843 803 864',
  ),
  s(
    'SD',
    887,
    -6,
    true,
    C,
    [
      ['Sioux Falls', '571'],
      ['Rapid City', '577'],
    ],
    '605',
  ),
  s(
    'TN',
    6911,
    -6,
    true,
    C,
    [
      ['Nashville', '372'],
      ['Memphis', '381'],
      ['Knoxville', '379'],
      ['Chattanooga', '374'],
    ],
    '615 901 865 423',
  ),
  s(
    'TX',
    29146,
    -6,
    true,
    C,
    [
      ['Houston', '770'],
      ['Dallas', '752'],
      ['Austin', '787'],
      ['San Antonio', '782'],
      ['Fort Worth', '761'],
      ['El Paso', '799'],
      ['Plano', '750'],
    ],
    '713 214 512 210 817 915 972',
  ),
  s(
    'UT',
    3272,
    -7,
    true,
    W,
    [
      ['Salt Lake City', '841'],
      ['Provo', '846'],
      ['Ogden', '844'],
    ],
    '801 385 435',
  ),
  s(
    'VT',
    643,
    -5,
    true,
    E,
    [
      ['Burlington', '054'],
      ['Montpelier', '056'],
    ],
    '802',
  ),
  s(
    'VA',
    8631,
    -5,
    true,
    E,
    [
      ['Virginia Beach', '234'],
      ['Richmond', '232'],
      ['Arlington', '222'],
      ['Norfolk', '235'],
      ['Roanoke', '240'],
    ],
    '757 804 703 540',
  ),
  s(
    'WA',
    7705,
    -8,
    true,
    W,
    [
      ['Seattle', '981'],
      ['Spokane', '992'],
      ['Tacoma', '984'],
      ['Bellevue', '980'],
      ['Olympia', '985'],
    ],
    '206 509 253 425 360',
  ),
  s(
    'WV',
    1794,
    -5,
    true,
    E,
    [
      ['Charleston', '253'],
      ['Morgantown', '265'],
      ['Huntington', '257'],
    ],
    '304 681',
  ),
  s(
    'WI',
    5894,
    -6,
    true,
    C,
    [
      ['Milwaukee', '532'],
      ['Madison', '537'],
      ['Green Bay', '543'],
    ],
    '414 608 920',
  ),
  s(
    'WY',
    577,
    -7,
    true,
    W,
    [
      ['Cheyenne', '820'],
      ['Casper', '826'],
      ['Laramie', '820'],
    ],
    '307',
  ),
];

export const FIRST_NAMES: readonly string[] = (
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan Joseph Jessica ' +
  'Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Ashley Donald Emily ' +
  'Steven Kimberly Andrew Michelle Joshua Amanda Kevin Melissa Brian Stephanie Jose Rebecca Ryan Laura Jacob Emma ' +
  'Nicholas Olivia Tyler Sophia Ethan Ava Noah Isabella Liam Mia Lucas Harper Mateo Camila Diego Valentina Carlos Sofia ' +
  'Luis Gabriela Wei Mei Hiroshi Yuki Priya Arjun Aisha Omar Fatima Malik Keisha DeShawn Imani Andre Jamal Tanisha ' +
  'Nguyen Linh Minh Sean Siobhan Connor Grace Chloe Zoe Hannah Nathan Dylan Aaron Maya Leah Rosa Javier Elena'
).split(' ');

export const LAST_NAMES: readonly string[] = (
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson Anderson ' +
  'Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young ' +
  'Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts ' +
  'Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez ' +
  'Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James ' +
  'Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Chen Wang Singh Tran ' +
  "O'Brien O'Connor Yamamoto Kowalski Schmidt Novak Rossi Haddad Okafor Mensah"
).split(' ');

export const STREET_NAMES: readonly string[] = (
  'Main Oak Maple Cedar Pine Elm Washington Lake Hill Park Walnut Sunset Lincoln Jefferson Highland Willow Church Center ' +
  'Franklin Madison Spring Ridge Meadow River Forest Chestnut Jackson Cherry Broad Mill Adams Dogwood Laurel Magnolia Valley ' +
  'Prospect Union Summit Birch Sycamore Hickory Locust Orchard Garden Harbor Bay Canyon Mesa Aspen Juniper Cypress'
).split(' ');

export const STREET_SUFFIXES: readonly string[] = ['St', 'Ave', 'Rd', 'Dr', 'Ln', 'Blvd', 'Ct', 'Way', 'Pl', 'Ter', 'Cir'];

/** RFC 2606 and RFC 6761 names, so no seeded email belongs to a real mailbox. */
export const EMAIL_DOMAINS: readonly string[] = [
  'example.com',
  'example.com',
  'example.net',
  'example.org',
  'mail.test',
  'inbox.test',
  'post.example',
];
