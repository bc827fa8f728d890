/** The demo product: attributes the merchant's copy is generated from. */
export const PRODUCT = {
  id: 'ridgeline-jacket',
  name: 'Ridgeline Insulated Jacket',
  brand: 'Larchmont Outdoor Co.',
  category: 'Outerwear / Jackets',
  price: 189,
  compareAt: 229,
  colors: [
    { name: 'Sage', shell: '#7d9a83', shade: '#5f7b66', trim: '#2f3d33' },
    { name: 'Ember', shell: '#c8623f', shade: '#a24a2c', trim: '#3b2119' },
    { name: 'Glacier', shell: '#dfe6ea', shade: '#b8c4cb', trim: '#3d4a52' },
    { name: 'Midnight', shell: '#2e3a55', shade: '#202a40', trim: '#c9a45c' },
  ],
  sizes: ['XS', 'S', 'M', 'L', 'XL', 'XXL'],
  description:
    'A packable insulated jacket for cold, windy days. Recycled synthetic fill keeps its warmth when damp, a windproof ripstop shell sheds light rain, and a high collar with an adjustable hood seals out drafts. Two zipped hand pockets, an inner mesh pocket, and a hem drawcord. It packs into its own pocket for travel.',
} as const;

/** What `<cw-suggested-copy>` writes from. */
export const COPY_ATTRIBUTES = {
  name: PRODUCT.name,
  brand: PRODUCT.brand,
  category: 'insulated jacket',
  features: ['recycled synthetic fill', 'windproof ripstop shell', 'adjustable hood', 'packs into its own pocket', 'zipped hand pockets'],
  audience: 'hikers and city commuters',
  materials: 'recycled polyester',
  price: `$${PRODUCT.price}`,
  // Facts the guard checks generated copy against: a number, material, certification, warranty or origin
  // the copy states and these lack gets a claim finding quoting them.
  weight: '540 g',
  warranty: '2-year warranty',
  origin: 'Vietnam',
  care: 'machine wash cold',
  certifications: 'bluesign',
};

/** Existing co-creation ideas, for duplicate detection while a shopper types a title. */
export const EXISTING_IDEAS = [
  { id: 'i1', title: 'Longer parka version of the Ridgeline', description: 'Same fill, cut to mid-thigh for city winters.', votes: 128 },
  { id: 'i2', title: 'Detachable fleece liner', description: 'Zip-in fleece so the shell works in spring.', votes: 96 },
  { id: 'i3', title: 'Reflective piping for night cycling', description: 'Subtle reflective trims on the sleeves and back.', votes: 74 },
  { id: 'i4', title: 'Kids sizes of the insulated jacket', description: 'Matching jackets for children aged 4 to 12.', votes: 61 },
  { id: 'i5', title: '加长款羽绒服', description: '希望推出长款，冬天更保暖。', votes: 43 },
  { id: 'i6', title: 'Waterproof shell with taped seams', description: 'A fully waterproof version for heavy rain.', votes: 39 },
];
