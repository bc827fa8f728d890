/** A value of one product attribute, as a merchant's catalogue holds it. */
export type FactValue = string | number | boolean | readonly (string | number)[];

/**
 * The merchant's product attributes the facts check compares generated copy with. Any attribute may be left
 * out; statements about what is left out are "unsupported". Free text is fine ("60% cotton, 40% polyester").
 */
export interface ProductFacts {
  /** "60% cotton, 40% polyester", or one entry per material. */
  materials?: string | readonly string[];
  /** "30 × 20 × 12 cm". */
  dimensions?: string;
  /** "1.2 kg". */
  weight?: string;
  /** "OEKO-TEX Standard 100", "CE". */
  certifications?: string | readonly string[];
  /** "2-year limited warranty", "30-day returns". */
  warranty?: string;
  /** Country or region of manufacture: "Portugal". */
  origin?: string;
  /** "Machine wash cold". */
  care?: string | readonly string[];
  /** "iPhone 15, USB-C chargers". */
  compatibility?: string | readonly string[];
  /** Any other attribute by name ("battery": "5000 mAh", "capacity": "1.5 L"). */
  [attribute: string]: FactValue | undefined;
}
