"""A deterministic demo catalog: real Indian cities, fictional restaurants, real dishes.

``generate(seed)`` builds the whole catalog in memory from the tables below and a seeded
:class:`Dice`; the same seed always gives the same catalog, ids included
(restaurants from 1001, food items from 100001). Only the standard library and
``food_core.model`` are used; the only I/O is through a :class:`CatalogRepository`.

The tables fix what is plausible — which cuisines a city's restaurants serve, which
dishes a cuisine has, whether a dish is veg, its typical price — and the seed varies the
rest: names, localities, ratings, delivery times, price levels and which dishes each
menu carries.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from typing import NamedTuple, TypeVar

from attrs import frozen

from adapters.demo_offers import (
    delivery_fee_paise,
    demo_coupons,
    free_delivery_above_paise,
    packaging_paise,
)
from adapters.demo_options import option_groups
from adapters.demo_ratings import rate_restaurants
from food_core.model import City, Coupon, FoodItem, OpenHours, Rating, Restaurant
from food_core.ports.repositories import CatalogRepository, RatingRepository
from food_core.usecases.rating import store_score

DEFAULT_SEED = 2026
FIRST_RESTAURANT_ID = 1001
FIRST_FOOD_ID = 100001
MENU_SIZE = (15, 25)  # dishes per restaurant, before the cuisine pools run out
UNAVAILABLE_SHARE = 0.02
PRICE_RUPEES = (30, 650)  # per item, in steps of ₹5
COST_FOR_TWO_RUPEES = (200, 1500)  # in steps of ₹50
RATING = (3.0, 4.9)
DELIVERY_MINUTES = tuple(range(15, 61, 5))
LOAD_BATCH = 500

T = TypeVar("T")


class Dish(NamedTuple):
    name: str
    category: str
    is_veg: bool
    rupees: int  # a typical mid-range price; each restaurant scales it
    description: str


class Concept(NamedTuple):
    """One restaurant of a city: its cuisines (the first is its main one), veg or not."""

    cuisines: tuple[str, ...]
    veg_only: bool = False


class CitySpec(NamedTuple):
    pincode: str  # the city's main (GPO) PIN code
    name: str
    localities: tuple[str, ...]  # at least as many as concepts
    concepts: tuple[Concept, ...]


def _v(name: str, category: str, rupees: int, description: str) -> Dish:
    return Dish(name, category, True, rupees, description)


def _nv(name: str, category: str, rupees: int, description: str) -> Dish:
    return Dish(name, category, False, rupees, description)


def _c(*cuisines: str) -> Concept:
    return Concept(cuisines)


def _veg(*cuisines: str) -> Concept:
    return Concept(cuisines, veg_only=True)


# --- Menu categories, in the order a menu lists them ---------------------------------

STARTERS = "Starters"
SOUPS = "Soups"
SNACKS = "Snacks"
CHAAT = "Chaat"
TIFFIN = "Tiffin"
DOSAS = "Dosas"
MAINS = "Mains"
THALIS = "Thalis"
BREADS = "Breads"
RICE = "Rice"
BIRYANI = "Biryani"
NOODLES = "Noodles"
ROLLS = "Rolls"
PIZZAS = "Pizzas"
PASTA = "Pasta"
SANDWICHES = "Sandwiches"
BREAKFAST = "All-Day Breakfast"
SIDES = "Sides"
DESSERTS = "Desserts"
SWEETS = "Sweets"
ICE_CREAMS = "Ice Creams"
BEVERAGES = "Beverages"

CATEGORY_ORDER: tuple[str, ...] = (
    STARTERS, SOUPS, SNACKS, CHAAT, TIFFIN, DOSAS, MAINS, THALIS, BREADS, RICE, BIRYANI,
    NOODLES, ROLLS, PIZZAS, PASTA, SANDWICHES, BREAKFAST, SIDES, DESSERTS, SWEETS,
    ICE_CREAMS, BEVERAGES,
)  # fmt: skip

# --- Dishes of each cuisine ------------------------------------------------------------

MENUS: dict[str, tuple[Dish, ...]] = {
    "North Indian": (
        _v("Paneer Tikka", STARTERS, 260, "Paneer in spiced yoghurt, charred in the tandoor"),
        _v("Hara Bhara Kebab", STARTERS, 210, "Spinach, pea and potato patties, mint chutney"),
        _v("Malai Soya Chaap", STARTERS, 240, "Soya chaap in a creamy cardamom marinade"),
        _nv("Tandoori Chicken (Half)", STARTERS, 320, "Half chicken in red chilli marinade"),
        _nv("Chicken Tikka", STARTERS, 300, "Boneless chicken in a smoky tandoori marinade"),
        _nv("Amritsari Fish", STARTERS, 340, "Fish fried in carom-spiced gram-flour batter"),
        _v("Paneer Butter Masala", MAINS, 280, "Paneer in a silky tomato, butter and cashew gravy"),
        _v("Dal Makhani", MAINS, 240, "Black lentils slow-cooked overnight with butter"),
        _v("Kadai Paneer", MAINS, 270, "Paneer with capsicum, onion and kadai masala"),
        _v("Palak Paneer", MAINS, 260, "Paneer cubes in a smooth spiced spinach gravy"),
        _v("Chole Masala", MAINS, 200, "Chickpeas in a tangy onion-tomato masala"),
        _v("Rajma Masala", MAINS, 200, "Red kidney beans in a thick home-style gravy"),
        _v("Dal Tadka", MAINS, 180, "Yellow lentils tempered with ghee, cumin and garlic"),
        _v("Aloo Gobi", MAINS, 190, "Potato and cauliflower with ginger and coriander"),
        _v("Sarson Ka Saag", MAINS, 230, "Mustard greens slow-cooked with white butter"),
        _nv("Butter Chicken", MAINS, 340, "Tandoori chicken in a tomato, butter and methi gravy"),
        _nv("Kadai Chicken", MAINS, 320, "Chicken with bell peppers and kadai spices"),
        _nv("Mutton Rogan Josh", MAINS, 420, "Kashmiri mutton curry with red chilli and fennel"),
        _nv("Egg Curry", MAINS, 200, "Boiled eggs in a spiced onion-tomato gravy"),
        _v("Butter Naan", BREADS, 60, "Leavened tandoor bread brushed with butter"),
        _v("Garlic Naan", BREADS, 75, "Naan topped with chopped garlic and coriander"),
        _v("Tandoori Roti", BREADS, 35, "Whole-wheat flatbread baked in the tandoor"),
        _v("Lachha Paratha", BREADS, 65, "Flaky, layered whole-wheat paratha"),
        _v("Amritsari Kulcha", BREADS, 110, "Tandoor kulcha stuffed with spiced potato"),
        _v("Makki Di Roti", BREADS, 50, "Maize-flour flatbread, made for sarson ka saag"),
        _v("Jeera Rice", RICE, 160, "Basmati rice tempered with cumin and ghee"),
        _v("Veg Pulao", RICE, 190, "Basmati with seasonal vegetables and whole spices"),
        _v("Steamed Basmati Rice", RICE, 130, "Plain long-grain basmati"),
        _v("Gulab Jamun (2 pcs)", DESSERTS, 90, "Milk dumplings in rose-cardamom syrup"),
        _v("Gajar Ka Halwa", DESSERTS, 130, "Slow-cooked carrot pudding with ghee and nuts"),
        _v("Sweet Lassi", BEVERAGES, 90, "Thick churned yoghurt drink, lightly sweetened"),
        _v("Masala Chaas", BEVERAGES, 60, "Spiced buttermilk with roasted cumin and mint"),
    ),
    "South Indian": (
        _v("Idli Sambar (2 pcs)", TIFFIN, 60, "Steamed rice cakes with sambar and chutney"),
        _v("Medu Vada (2 pcs)", TIFFIN, 70, "Crisp urad dal doughnuts with sambar"),
        _v("Sambar Vada", TIFFIN, 80, "Medu vada soaked in hot sambar"),
        _v("Rava Idli", TIFFIN, 70, "Semolina idli with cashews, curd and coriander"),
        _v("Ghee Podi Idli", TIFFIN, 100, "Button idlis tossed in gunpowder and ghee"),
        _v("Ven Pongal", TIFFIN, 90, "Rice and moong dal with ghee, pepper and cumin"),
        _v("Upma", TIFFIN, 60, "Semolina with mustard, curry leaves and vegetables"),
        _v("Onion Uttapam", TIFFIN, 110, "Thick rice pancake topped with onion and chilli"),
        _v("Masala Dosa", DOSAS, 110, "Crisp rice-lentil crepe with spiced potato filling"),
        _v("Plain Dosa", DOSAS, 80, "Crisp golden dosa with sambar and chutneys"),
        _v("Mysore Masala Dosa", DOSAS, 130, "Dosa smeared with fiery red chutney"),
        _v("Rava Onion Dosa", DOSAS, 130, "Lacy semolina dosa with onion and green chilli"),
        _v("Set Dosa (3 pcs)", DOSAS, 100, "Soft, spongy dosas with sagu and chutney"),
        _v("Ghee Roast Dosa", DOSAS, 140, "Paper-crisp dosa roasted in ghee"),
        _v("Neer Dosa (3 pcs)", DOSAS, 100, "Thin rice crepes with coconut chutney"),
        _v("Mini Meals", THALIS, 180, "Rice, sambar, rasam, poriyal, curd and payasam"),
        _v("Bisi Bele Bath", RICE, 130, "Rice, lentils, tamarind and vegetables in one pot"),
        _v("Lemon Rice", RICE, 100, "Rice with lemon, peanuts and curry leaves"),
        _v("Curd Rice", RICE, 100, "Soft rice in tempered curd with pomegranate"),
        _v("Puliyogare", RICE, 110, "Tamarind rice with roasted spices and peanuts"),
        _v("Kesari Bath", SWEETS, 70, "Semolina halwa with saffron, ghee and cashews"),
        _v("Mysore Pak (2 pcs)", SWEETS, 90, "Gram-flour and ghee fudge from Mysuru"),
        _v("Semiya Payasam", SWEETS, 90, "Vermicelli kheer with cardamom and cashews"),
        _v("Filter Coffee", BEVERAGES, 40, "Chicory-blend decoction with frothed hot milk"),
        _v("Badam Milk", BEVERAGES, 70, "Warm milk with ground almonds and saffron"),
        _v("Neer Mor", BEVERAGES, 40, "Thin spiced buttermilk with ginger and curry leaves"),
    ),
    "Mughlai": (
        _nv("Mutton Seekh Kebab", STARTERS, 320, "Minced mutton skewers grilled over charcoal"),
        _nv("Chicken Malai Tikka", STARTERS, 320, "Chicken in cream, cheese and cardamom"),
        _nv("Shami Kebab", STARTERS, 280, "Pan-fried patties of minced mutton and chana dal"),
        _nv("Chicken Reshmi Kebab", STARTERS, 320, "Silky minced chicken kebabs with cream"),
        _v("Tandoori Mushroom", STARTERS, 240, "Mushrooms in spiced hung curd, chargrilled"),
        _v("Paneer Malai Tikka", STARTERS, 270, "Paneer in a mild cream and cashew marinade"),
        _nv("Mutton Korma", MAINS, 420, "Mutton braised in yoghurt and browned onion"),
        _nv("Nihari", MAINS, 440, "Slow-cooked mutton shank stew with ginger and lemon"),
        _nv("Chicken Changezi", MAINS, 360, "Old Delhi chicken in a creamy tomato-onion gravy"),
        _nv("Murgh Musallam", MAINS, 520, "Whole chicken stuffed with egg in almond gravy"),
        _nv("Keema Matar", MAINS, 340, "Minced mutton cooked with green peas"),
        _v("Shahi Paneer", MAINS, 280, "Paneer in a royal gravy of cashews and saffron"),
        _v("Navratan Korma", MAINS, 260, "Vegetables, fruit and nuts in a mild creamy sauce"),
        _v("Malai Kofta", MAINS, 270, "Paneer-potato dumplings in a velvety cashew gravy"),
        _v("Roomali Roti", BREADS, 40, "Handkerchief-thin bread from an upturned griddle"),
        _v("Sheermal", BREADS, 70, "Saffron-scented, lightly sweet flatbread"),
        _v("Khamiri Roti", BREADS, 50, "Soft leavened whole-wheat roti"),
        _nv("Murgh Pulao", RICE, 320, "Chicken and basmati cooked in a fragrant stock"),
        _v("Zafrani Pulao", RICE, 220, "Saffron basmati with nuts and raisins"),
        _v("Shahi Tukda", DESSERTS, 140, "Fried bread in saffron syrup, topped with rabri"),
        _v("Phirni", DESSERTS, 110, "Chilled ground-rice pudding set in a clay pot"),
        _v("Rose Sharbat", BEVERAGES, 70, "Chilled rose syrup cooler with basil seeds"),
    ),
    "Awadhi": (
        _nv("Galouti Kebab", STARTERS, 360, "Melt-in-the-mouth minced mutton patties"),
        _nv("Kakori Kebab", STARTERS, 380, "Silky mutton seekh scented with rose and saffron"),
        _nv("Boti Kebab", STARTERS, 340, "Chargrilled mutton chunks in raw papaya marinade"),
        _v("Kathal Galouti Kebab", STARTERS, 280, "Raw jackfruit patties in the galouti style"),
        _nv("Paya Shorba", SOUPS, 260, "Slow-simmered trotter broth with whole spices"),
        _nv("Nihari Kulcha", MAINS, 420, "Overnight mutton nihari with a soft kulcha"),
        _nv("Murgh Awadhi Korma", MAINS, 380, "Chicken in a mild, nutty kewra-scented korma"),
        _v("Dum Aloo Awadhi", MAINS, 240, "Paneer-stuffed baby potatoes cooked on dum"),
        _v("Paneer Pasanda", MAINS, 290, "Stuffed paneer slices in a creamy almond gravy"),
        _v("Ulte Tawe Ka Paratha", BREADS, 60, "Soft paratha from an upturned griddle"),
        _v("Warqi Paratha", BREADS, 70, "Layered, flaky paratha made with ghee"),
        _nv("Lucknowi Mutton Biryani", BIRYANI, 420, "Pukki-style biryani with kewra and saffron"),
        _nv("Lucknowi Chicken Biryani", BIRYANI, 360, "Delicately spiced chicken dum biryani"),
        _v("Subz Dum Biryani", BIRYANI, 260, "Vegetables and basmati sealed and cooked on dum"),
        _v("Makhan Malai", DESSERTS, 150, "Airy winter froth of saffron-scented milk"),
        _v("Kulfi Falooda", DESSERTS, 150, "Kesar kulfi over rose-syrup vermicelli"),
        _v("Thandai", BEVERAGES, 110, "Chilled milk with almonds, fennel and rose"),
        _v("Kulhad Chai", BEVERAGES, 40, "Strong milky tea served in a clay cup"),
    ),
    "Chinese": (
        _v("Veg Manchow Soup", SOUPS, 140, "Spicy soy broth with vegetables and crisp noodles"),
        _v("Veg Sweet Corn Soup", SOUPS, 130, "Creamy sweet corn soup with vegetables"),
        _nv("Chicken Hot and Sour Soup", SOUPS, 160, "Peppery, tangy chicken broth"),
        _v("Chilli Paneer", STARTERS, 240, "Paneer tossed with capsicum, soy and green chilli"),
        _v("Gobi Manchurian", STARTERS, 200, "Crisp cauliflower in a garlicky Manchurian sauce"),
        _v("Veg Spring Rolls", STARTERS, 180, "Crisp rolls of shredded vegetables"),
        _v("Honey Chilli Potato", STARTERS, 190, "Crisp potato fingers in a sweet chilli glaze"),
        _v("Crispy Corn Salt and Pepper", STARTERS, 190, "Fried corn with pepper and spring onion"),
        _nv("Chilli Chicken", STARTERS, 280, "Indo-Chinese classic with green chilli and soy"),
        _nv("Chicken Lollipop", STARTERS, 280, "Frenched wings fried crisp, Schezwan dip"),
        _nv("Dragon Chicken", STARTERS, 300, "Chicken strips in a fiery cashew-chilli toss"),
        _nv("Chilli Fish", STARTERS, 320, "Batter-fried fish tossed with chilli and soy"),
        _v("Veg Hakka Noodles", NOODLES, 180, "Wok-tossed noodles with crunchy vegetables"),
        _nv("Chicken Hakka Noodles", NOODLES, 220, "Wok-tossed noodles with chicken strips"),
        _v("Veg Schezwan Noodles", NOODLES, 190, "Noodles in a hot Schezwan sauce"),
        _v("Veg American Chopsuey", NOODLES, 220, "Crisp noodles under sweet-sour vegetables"),
        _v("Veg Fried Rice", RICE, 170, "Wok-fried rice with vegetables and spring onion"),
        _nv("Egg Fried Rice", RICE, 190, "Fried rice tossed with scrambled egg"),
        _nv("Chicken Schezwan Fried Rice", RICE, 230, "Spicy fried rice with chicken"),
        _v("Burnt Garlic Fried Rice", RICE, 190, "Fried rice with crisp golden garlic"),
        _v("Veg Manchurian Gravy", MAINS, 210, "Vegetable balls in a soy-garlic gravy"),
        _v("Paneer in Hot Garlic Sauce", MAINS, 250, "Paneer in a spicy garlic-chilli sauce"),
        _nv("Chicken Manchurian Gravy", MAINS, 280, "Chicken dumplings in a soy-garlic gravy"),
        _v("Darsaan", DESSERTS, 140, "Honey-glazed fried noodles with sesame"),
    ),
    "Street Food": (
        _v("Vada Pav", SNACKS, 40, "Potato fritter in a soft pav with garlic chutney"),
        _v("Samosa (2 pcs)", SNACKS, 40, "Crisp pastry filled with spiced potato and peas"),
        _v("Dabeli", SNACKS, 50, "Sweet-spicy potato in a bun with peanuts"),
        _v("Onion Pakoda", SNACKS, 70, "Crisp onion fritters with green chutney"),
        _v("Bombay Veg Grilled Sandwich", SNACKS, 110, "Potato, vegetables and green chutney"),
        _v("Pani Puri (6 pcs)", CHAAT, 50, "Crisp puris with tangy mint-tamarind water"),
        _v("Sev Puri", CHAAT, 70, "Flat puris with potato, chutneys and sev"),
        _v("Bhel Puri", CHAAT, 60, "Puffed rice with onion, sev and tamarind chutney"),
        _v("Dahi Puri", CHAAT, 80, "Puris filled with sweet curd and chutneys"),
        _v("Aloo Tikki Chaat", CHAAT, 90, "Potato patties with chole, curd and chutneys"),
        _v("Papdi Chaat", CHAAT, 80, "Crisp papdi with curd, chutneys and spices"),
        _v("Raj Kachori", CHAAT, 110, "Giant kachori filled with sprouts and curd"),
        _v("Pav Bhaji", MAINS, 140, "Buttery mashed-vegetable curry with toasted pav"),
        _v("Chole Bhature", MAINS, 150, "Spicy chickpeas with two puffed bhature"),
        _nv("Kheema Pav", MAINS, 160, "Spiced minced mutton with buttered pav"),
        _nv("Egg Roll", ROLLS, 90, "Paratha rolled with egg, onion and chilli sauce"),
        _nv("Chicken Kathi Roll", ROLLS, 150, "Charred chicken tikka wrapped in a paratha"),
        _v("Paneer Kathi Roll", ROLLS, 130, "Paneer tikka and onion wrapped in a paratha"),
        _v("Jalebi (100 g)", SWEETS, 60, "Crisp saffron-syrup spirals"),
        _v("Matka Kulfi", SWEETS, 60, "Dense frozen milk dessert set in a clay pot"),
        _v("Masala Chai", BEVERAGES, 30, "Ginger-cardamom tea brewed with milk"),
        _v("Nimbu Pani", BEVERAGES, 40, "Fresh lime water with black salt and cumin"),
    ),
    "Biryani": (
        _nv("Chicken 65", STARTERS, 260, "Fiery deep-fried chicken with curry leaves"),
        _v("Paneer 65", STARTERS, 240, "Paneer fried in a spicy red batter"),
        _nv("Chicken Seekh Kebab", STARTERS, 280, "Minced chicken skewers off the grill"),
        _nv("Chicken Dum Biryani", BIRYANI, 280, "Basmati and marinated chicken sealed on dum"),
        _nv("Mutton Dum Biryani", BIRYANI, 360, "Tender mutton and basmati layered on dum"),
        _nv("Egg Biryani", BIRYANI, 220, "Masala eggs layered with fragrant rice"),
        _nv("Ambur Chicken Biryani", BIRYANI, 260, "Seeraga samba biryani from Ambur"),
        _nv("Chicken Biryani Family Pack", BIRYANI, 620, "Serves 3-4, with raita and salan"),
        _v("Veg Dum Biryani", BIRYANI, 220, "Vegetables and basmati layered on dum"),
        _v("Paneer Tikka Biryani", BIRYANI, 260, "Smoky paneer tikka layered with basmati"),
        _v("Mushroom Biryani", BIRYANI, 230, "Mushrooms and basmati with whole spices"),
        _nv("Chicken Korma", MAINS, 300, "Chicken in a mild onion-yoghurt gravy"),
        _v("Mirchi Ka Salan", SIDES, 90, "Green chillies in a peanut-sesame-tamarind gravy"),
        _v("Burani Raita", SIDES, 60, "Yoghurt with roasted garlic"),
        _v("Boondi Raita", SIDES, 60, "Yoghurt with crisp gram-flour pearls"),
        _v("Double Ka Meetha", DESSERTS, 110, "Bread pudding with saffron, milk and nuts"),
        _v("Fresh Lime Soda", BEVERAGES, 60, "Sweet or salted lime soda"),
    ),
    "Bengali": (
        _v("Mochar Chop", STARTERS, 120, "Banana-flower croquettes with kasundi"),
        _v("Begun Bhaja", STARTERS, 90, "Pan-fried aubergine slices"),
        _nv("Kolkata Fish Fry", STARTERS, 260, "Crumbed bhetki fillet with kasundi"),
        _nv("Kosha Mangsho", MAINS, 420, "Slow-cooked, deeply caramelised mutton curry"),
        _nv("Shorshe Ilish", MAINS, 550, "Hilsa in a pungent mustard sauce"),
        _nv("Chingri Malai Curry", MAINS, 520, "Prawns in a coconut-milk gravy"),
        _nv("Macher Jhol", MAINS, 320, "Light rohu fish curry with potatoes"),
        _nv("Bhetki Paturi", MAINS, 420, "Bhetki steamed in banana leaf with mustard"),
        _v("Dhokar Dalna", MAINS, 220, "Lentil cakes in a gingery gravy"),
        _v("Aloo Posto", MAINS, 180, "Potatoes cooked in poppy-seed paste"),
        _v("Shukto", MAINS, 180, "Mildly bitter mixed vegetable stew with milk"),
        _v("Cholar Dal", MAINS, 150, "Bengal gram dal with coconut and raisins"),
        _v("Luchi (4 pcs)", BREADS, 80, "Puffed, deep-fried maida bread"),
        _nv("Kolkata Chicken Biryani", BIRYANI, 300, "Light biryani with potato and egg"),
        _v("Basanti Pulao", RICE, 200, "Sweet saffron-yellow pulao with ghee and cashews"),
        _v("Gobindobhog Rice", RICE, 110, "Fragrant short-grain steamed rice"),
        _v("Rasgulla (2 pcs)", SWEETS, 70, "Spongy chhena balls in light syrup"),
        _v("Mishti Doi", SWEETS, 80, "Caramelised sweet yoghurt set in a clay pot"),
        _v("Sandesh (2 pcs)", SWEETS, 80, "Soft chhena fudge with cardamom"),
        _v("Nolen Gurer Payesh", SWEETS, 110, "Rice pudding with date-palm jaggery"),
        _v("Aam Pora Shorbot", BEVERAGES, 80, "Roasted raw mango cooler"),
    ),
    "Gujarati": (
        _v("Khaman Dhokla", SNACKS, 80, "Steamed gram-flour cakes with mustard tempering"),
        _v("Khandvi", SNACKS, 90, "Gram-flour rolls with coconut and sesame"),
        _v("Fafda Jalebi", SNACKS, 110, "Crisp gram-flour strips with hot jalebi"),
        _v("Patra", SNACKS, 90, "Colocasia-leaf rolls with spiced gram flour"),
        _v("Handvo", SNACKS, 110, "Baked lentil-rice cake with bottle gourd"),
        _v("Sev Khamani", SNACKS, 90, "Crumbled dhokla with sev and pomegranate"),
        _v("Undhiyu", MAINS, 240, "Winter vegetable casserole with methi muthia"),
        _v("Sev Tameta Nu Shaak", MAINS, 170, "Sweet-tangy tomato curry topped with sev"),
        _v("Gujarati Kadhi", MAINS, 130, "Sweet-sour yoghurt curry"),
        _v("Dal Dhokli", MAINS, 180, "Wheat dumplings simmered in sweet-sour dal"),
        _v("Ringan No Olo", MAINS, 170, "Smoky mashed aubergine with garlic"),
        _v("Vaghareli Khichdi", MAINS, 170, "Tempered rice-lentil khichdi with vegetables"),
        _v("Gujarati Thali", THALIS, 320, "Farsan, shaak, dal, kadhi, rotli, rice and sweet"),
        _v("Methi Thepla (3 pcs)", BREADS, 80, "Fenugreek flatbread with pickle and curd"),
        _v("Bajra Rotla", BREADS, 50, "Pearl-millet flatbread with white butter"),
        _v("Phulka Rotli (3 pcs)", BREADS, 45, "Thin, soft puffed wheat rotli"),
        _v("Shrikhand", DESSERTS, 110, "Strained yoghurt with saffron and cardamom"),
        _v("Basundi", DESSERTS, 120, "Reduced sweetened milk with nuts"),
        _v("Mohanthal", DESSERTS, 90, "Gram-flour fudge with ghee and saffron"),
        _v("Aamras", DESSERTS, 150, "Chilled kesar mango pulp"),
        _v("Gujarati Chaas", BEVERAGES, 40, "Thin buttermilk with ginger and coriander"),
    ),
    "Rajasthani": (
        _v("Pyaaz Kachori", SNACKS, 50, "Flaky kachori with a spiced onion filling"),
        _v("Mirchi Bada", SNACKS, 45, "Big chilli stuffed with potato, batter-fried"),
        _v("Dal Baati Churma", MAINS, 260, "Baked wheat dumplings, panchmel dal and churma"),
        _v("Gatte Ki Sabzi", MAINS, 220, "Gram-flour dumplings in a yoghurt gravy"),
        _v("Ker Sangri", MAINS, 240, "Desert beans and berries stir-fried with spices"),
        _v("Papad Ki Sabzi", MAINS, 180, "Papad simmered in a spiced yoghurt gravy"),
        _v("Rajasthani Kadhi Pakora", MAINS, 170, "Yoghurt curry with gram-flour fritters"),
        _v("Bajra Khichdi", MAINS, 170, "Pearl millet and moong dal with ghee"),
        _nv("Laal Maas", MAINS, 450, "Fiery mutton curry with Mathania chillies"),
        _nv("Safed Maas", MAINS, 450, "Mutton in a white gravy of cashew and cream"),
        _v("Rajasthani Thali", THALIS, 380, "Dal baati, gatte, ker sangri, rotis and sweets"),
        _v("Bajre Ki Roti", BREADS, 45, "Pearl-millet roti with ghee and jaggery"),
        _v("Missi Roti", BREADS, 50, "Gram-flour and wheat roti with spices"),
        _v("Ghevar", SWEETS, 150, "Honeycomb disc soaked in syrup, topped with rabri"),
        _v("Moong Dal Halwa", SWEETS, 140, "Rich lentil halwa cooked slowly in ghee"),
        _v("Malpua with Rabri", SWEETS, 140, "Syrupy pancakes with thickened milk"),
        _v("Makhaniya Lassi", BEVERAGES, 90, "Thick saffron lassi topped with cream"),
    ),
    "Hyderabadi": (
        _nv("Apollo Fish", STARTERS, 320, "Fried fish tossed in tangy yoghurt and chilli"),
        _nv("Lukhmi (2 pcs)", STARTERS, 150, "Flaky pastry squares with minced mutton"),
        _nv("Mutton Marag", SOUPS, 300, "Spiced mutton bone broth"),
        _nv("Haleem", MAINS, 300, "Slow-pounded mutton, wheat and lentils"),
        _nv("Pathar Ka Gosht", MAINS, 420, "Mutton slices seared on a hot granite stone"),
        _v("Bagara Baingan", MAINS, 200, "Baby aubergines in peanut-sesame gravy"),
        _v("Khatti Dal", MAINS, 150, "Tamarind-soured toor dal"),
        _nv(
            "Hyderabadi Chicken Biryani",
            BIRYANI,
            300,
            "Kacchi biryani: raw chicken and rice on dum",
        ),
        _nv("Hyderabadi Mutton Biryani", BIRYANI, 380, "Kacchi mutton biryani with saffron"),
        _v("Hyderabadi Veg Biryani", BIRYANI, 230, "Vegetables and basmati on dum with mint"),
        _v("Bagara Rice", RICE, 150, "Rice tempered with whole spices"),
        _v("Qubani Ka Meetha", DESSERTS, 150, "Stewed apricots with cream"),
        _v("Osmania Biscuits (6 pcs)", SNACKS, 60, "Buttery, sweet-salty tea biscuits"),
        _v("Irani Chai", BEVERAGES, 30, "Slow-brewed tea with thick, creamy milk"),
    ),
    "Chettinad": (
        _v("Vazhaipoo Vadai", STARTERS, 100, "Banana-flower lentil fritters"),
        _nv("Kola Urundai", STARTERS, 260, "Spiced minced mutton balls"),
        _nv("Pepper Chicken Fry", STARTERS, 300, "Chicken dry-roasted with black pepper"),
        _v("Milagu Rasam", SOUPS, 80, "Peppery tamarind broth"),
        _v("Kuzhi Paniyaram", TIFFIN, 100, "Crisp dumplings from a dimpled pan"),
        _v("Kal Dosa (2 pcs)", TIFFIN, 90, "Soft, thick griddle dosas"),
        _nv("Chettinad Chicken Curry", MAINS, 320, "Chicken in a peppery roasted-spice gravy"),
        _nv("Mutton Chukka", MAINS, 380, "Dry-roasted mutton with shallots and pepper"),
        _nv("Nattu Kozhi Kuzhambu", MAINS, 360, "Country-chicken curry"),
        _nv("Meen Kuzhambu", MAINS, 320, "Tamarind fish curry in sesame oil"),
        _nv("Prawn Thokku", MAINS, 400, "Prawns in a thick, spicy onion masala"),
        _nv("Crab Masala", MAINS, 480, "Mud crab in a pepper and fennel masala"),
        _v("Mushroom Chettinad", MAINS, 220, "Mushrooms in a roasted-spice gravy"),
        _v("Ennai Kathirikai Kuzhambu", MAINS, 200, "Stuffed brinjal in tamarind gravy"),
        _v("Chettinad Veg Meals", THALIS, 220, "Rice, kuzhambu, rasam, poriyal and curd"),
        _v("Parotta (2 pcs)", BREADS, 60, "Flaky layered Tamil parotta"),
        _nv("Chicken Kothu Parotta", BREADS, 220, "Minced parotta with egg and chicken salna"),
        _v("Veg Kothu Parotta", BREADS, 180, "Minced parotta with vegetables and salna"),
        _nv("Seeraga Samba Mutton Biryani", BIRYANI, 380, "Mutton biryani, Dindigul style"),
        _v("Paal Paniyaram", SWEETS, 110, "Paniyaram in sweetened coconut milk"),
        _v("Kavuni Arisi", SWEETS, 140, "Black rice pudding with coconut"),
        _v("Jigarthanda", BEVERAGES, 100, "Madurai cooler of milk, almond gum and ice cream"),
    ),
    "Kerala": (
        _v("Pazham Pori", SNACKS, 60, "Ripe banana fritters"),
        _v("Parippu Vada", SNACKS, 50, "Crunchy chana dal fritters"),
        _v("Appam with Veg Stew", MAINS, 180, "Lacy rice hoppers with coconut-milk stew"),
        _nv("Appam with Chicken Stew", MAINS, 240, "Rice hoppers with mild chicken stew"),
        _v("Puttu Kadala", MAINS, 140, "Steamed rice-coconut puttu with chickpea curry"),
        _nv("Idiyappam with Egg Curry", MAINS, 170, "String hoppers with Kerala egg curry"),
        _nv("Kerala Chicken Roast", MAINS, 300, "Chicken roasted with shallots and pepper"),
        _nv("Karimeen Pollichathu", MAINS, 480, "Pearl spot fish grilled in banana leaf"),
        _nv("Kerala Fish Curry", MAINS, 340, "Fish in a red kudampuli curry"),
        _nv("Prawns Roast", MAINS, 420, "Prawns roasted with onion and coconut slivers"),
        _nv("Kappa with Meen Curry", MAINS, 260, "Tapioca mash with spicy fish curry"),
        _v("Avial", MAINS, 180, "Mixed vegetables in coconut and curd"),
        _v("Olan", MAINS, 160, "Ash gourd and cowpeas in coconut milk"),
        _v("Cabbage Thoran", MAINS, 120, "Cabbage stir-fried with grated coconut"),
        _v("Kerala Parippu Curry", MAINS, 140, "Moong dal with coconut and ghee"),
        _v("Kerala Sadya", THALIS, 350, "Banana-leaf feast with rice and payasam"),
        _v("Malabar Parotta (2 pcs)", BREADS, 60, "Flaky, layered Kerala parotta"),
        _nv("Thalassery Chicken Biryani", BIRYANI, 300, "Short-grain jeerakasala rice biryani"),
        _v("Kerala Matta Rice", RICE, 90, "Parboiled red rice"),
        _v("Ada Pradhaman", SWEETS, 130, "Rice flakes in jaggery and coconut milk"),
        _v("Palada Payasam", SWEETS, 130, "Rice flakes slow-cooked in sweet milk"),
        _v("Sulaimani", BEVERAGES, 30, "Black tea with lime and spices"),
    ),
    "Maharashtrian": (
        _v("Misal Pav", SNACKS, 120, "Sprouted moth-bean curry with farsan and pav"),
        _v("Kanda Poha", SNACKS, 60, "Flattened rice with onion and peanuts"),
        _v("Sabudana Khichdi", SNACKS, 90, "Sago pearls with peanuts and green chilli"),
        _v("Sabudana Vada", SNACKS, 80, "Crisp sago and potato patties"),
        _v("Thalipeeth", SNACKS, 110, "Multigrain flatbread with butter and curd"),
        _nv("Pandhra Rassa", SOUPS, 160, "Kolhapuri mutton broth with coconut"),
        _v("Zunka Bhakri", MAINS, 140, "Gram-flour scramble with jowar bhakri"),
        _v("Bharli Vangi", MAINS, 180, "Baby brinjals with peanut-coconut masala"),
        _nv("Kolhapuri Chicken", MAINS, 320, "Fiery chicken curry with Kolhapuri masala"),
        _nv("Kolhapuri Mutton Thali", THALIS, 450, "Mutton sukka, both rassas, bhakri and rice"),
        _v("Maharashtrian Veg Thali", THALIS, 260, "Usal, bhaji, varan, chapati and sweet"),
        _v("Varan Bhaat", RICE, 130, "Plain toor dal with steamed rice and ghee"),
        _v("Masale Bhaat", RICE, 170, "Spiced rice with goda masala and tendli"),
        _v("Puran Poli", SWEETS, 90, "Flatbread with a sweet chana-jaggery filling"),
        _v("Ukadiche Modak (2 pcs)", SWEETS, 100, "Steamed rice dumplings, coconut and jaggery"),
        _v("Solkadhi", BEVERAGES, 60, "Kokum and coconut milk cooler"),
        _v("Kokum Sharbat", BEVERAGES, 50, "Sweet-tart kokum cooler"),
    ),
    "Coastal": (
        _nv("Bombil Fry", STARTERS, 280, "Crisp rava-fried Bombay duck"),
        _nv("Surmai Fry", STARTERS, 420, "King-fish steak in a rava crust"),
        _nv("Pomfret Tawa Fry", STARTERS, 480, "Whole pomfret with red masala"),
        _nv("Prawns Koliwada", STARTERS, 380, "Spicy batter-fried prawns"),
        _nv("Chicken Ghee Roast", STARTERS, 340, "Mangalorean chicken in ghee and red chillies"),
        _v("Paneer Ghee Roast", STARTERS, 260, "Paneer in a tangy ghee-roasted masala"),
        _v("Alu Vadi", STARTERS, 90, "Colocasia-leaf rolls, steamed then fried"),
        _nv("Malvani Fish Curry", MAINS, 380, "Coconut-kokum fish curry, Malvani masala"),
        _nv("Prawn Gassi", MAINS, 420, "Mangalorean prawn curry with coconut"),
        _nv("Clam Sukka", MAINS, 340, "Clams with dry-roasted coconut"),
        _nv("Kombdi Vade", MAINS, 320, "Malvani chicken curry with puffed vade"),
        _v("Vegetable Xacuti", MAINS, 220, "Vegetables in roasted coconut and poppy seed"),
        _nv("Prawn Pulao", RICE, 340, "Prawns and rice cooked with coconut masala"),
        _v("Ukde Rice", RICE, 90, "Boiled Konkan red rice"),
        _v("Patholi", SWEETS, 110, "Rice parcels in turmeric leaf, coconut filling"),
    ),
    "Pizza": (
        _v("Margherita Pizza", PIZZAS, 250, "Tomato sauce, mozzarella and basil"),
        _v("Farmhouse Pizza", PIZZAS, 340, "Onion, capsicum, tomato and mushroom"),
        _v("Paneer Tikka Pizza", PIZZAS, 380, "Tandoori paneer, onion and mint mayo"),
        _v("Corn and Jalapeno Pizza", PIZZAS, 300, "Sweet corn, jalapenos and mozzarella"),
        _v("Four Cheese Pizza", PIZZAS, 420, "Mozzarella, cheddar, parmesan and feta"),
        _v("Veggie Supreme Pizza", PIZZAS, 380, "Peppers, olives, mushroom, onion and corn"),
        _nv("Chicken Tikka Pizza", PIZZAS, 420, "Chicken tikka, onion and capsicum"),
        _nv("BBQ Chicken Pizza", PIZZAS, 440, "Smoky barbecue chicken and red onion"),
        _nv("Chicken Pepperoni Pizza", PIZZAS, 480, "Chicken pepperoni and mozzarella"),
        _v("Penne Arrabbiata", PASTA, 260, "Penne in a spicy tomato and garlic sauce"),
        _v("Pasta in Pink Sauce", PASTA, 280, "Penne in a creamy tomato sauce"),
        _nv("Chicken Alfredo Pasta", PASTA, 320, "Fettuccine and chicken in cream sauce"),
        _v("Garlic Bread", SIDES, 140, "Toasted bread with garlic butter"),
        _v("Cheesy Garlic Bread", SIDES, 170, "Garlic bread baked with mozzarella"),
        _v("Potato Wedges", SIDES, 130, "Seasoned, skin-on potato wedges"),
        _nv("Peri Peri Chicken Wings", SIDES, 260, "Wings in a hot peri peri glaze"),
        _v("Eggless Chocolate Brownie", DESSERTS, 120, "Fudgy brownie with walnuts"),
        _v("Cold Coffee", BEVERAGES, 140, "Blended iced coffee with milk"),
        _v("Lemon Iced Tea", BEVERAGES, 120, "Chilled black tea with lemon"),
    ),
    "Desserts": (
        _v("Rasmalai (2 pcs)", SWEETS, 110, "Chhena discs in saffron milk"),
        _v("Kaju Katli (250 g)", SWEETS, 350, "Thin cashew fudge with silver leaf"),
        _v("Motichoor Ladoo (4 pcs)", SWEETS, 140, "Fine boondi ladoos with ghee"),
        _v("Jalebi with Rabri", SWEETS, 140, "Hot jalebis over chilled rabri"),
        _v("Rabri (150 g)", SWEETS, 130, "Slow-reduced, layered sweet milk"),
        _v("Kalakand", SWEETS, 120, "Soft milk cake with cardamom"),
        _v("Badam Halwa", SWEETS, 160, "Almond halwa cooked in ghee"),
        _v("Malai Kulfi", ICE_CREAMS, 100, "Creamy kulfi with pistachio"),
        _v("Sitaphal Ice Cream", ICE_CREAMS, 120, "Custard-apple ice cream with real fruit"),
        _v("Tender Coconut Ice Cream", ICE_CREAMS, 120, "Ice cream with tender coconut"),
        _v("Chikoo Ice Cream", ICE_CREAMS, 110, "Sapodilla ice cream"),
        _v("Chocolate Fudge Sundae", ICE_CREAMS, 220, "Chocolate ice cream, hot fudge and nuts"),
        _v("Mango Mastani", BEVERAGES, 180, "Mango shake topped with ice cream and nuts"),
        _v("Falooda", BEVERAGES, 160, "Rose milk with vermicelli, basil seeds, ice cream"),
    ),
    "Cafe": (
        _v("Bun Maska", BREAKFAST, 60, "Soft bun with a thick layer of butter"),
        _nv("Akuri on Toast", BREAKFAST, 180, "Parsi-style spiced scrambled eggs"),
        _nv("Masala Omelette", BREAKFAST, 140, "Omelette with onion, chilli and coriander"),
        _v("Avocado Toast", BREAKFAST, 280, "Sourdough with smashed avocado and chilli"),
        _v("Veg Club Sandwich", SANDWICHES, 200, "Triple-decker with vegetables and cheese"),
        _nv("Chicken Club Sandwich", SANDWICHES, 240, "Triple-decker with chicken and egg"),
        _v("Grilled Paneer Sandwich", SANDWICHES, 190, "Paneer tikka and mint chutney"),
        _v("Veg Puff", SNACKS, 40, "Flaky puff with spiced vegetables"),
        _nv("Chicken Puff", SNACKS, 70, "Flaky puff with spiced chicken"),
        _v("Peri Peri Fries", SIDES, 140, "Fries dusted with peri peri spice"),
        _v("Greek Salad", SIDES, 240, "Cucumber, tomato, olives and feta"),
        _v("Pesto Pasta", PASTA, 280, "Penne with basil pesto and parmesan"),
        _v("Eggless Banana Walnut Cake", DESSERTS, 140, "A thick slice of banana cake"),
        _v("Cappuccino", BEVERAGES, 160, "Espresso with steamed, foamed milk"),
        _v("Cafe Latte", BEVERAGES, 170, "Espresso with lots of steamed milk"),
        _v("Americano", BEVERAGES, 140, "Espresso topped up with hot water"),
        _v("Hot Chocolate", BEVERAGES, 180, "Rich cocoa with steamed milk"),
    ),
}

# Dishes a cuisine serves that are listed under another cuisine above.
# fmt: off
BORROWED: dict[str, tuple[str, ...]] = {
    "Mughlai": ("Butter Naan", "Gulab Jamun (2 pcs)", "Dal Makhani"),
    "Awadhi": ("Sheermal", "Roomali Roti", "Shahi Tukda", "Phirni"),
    "Biryani": ("Phirni", "Gulab Jamun (2 pcs)"),
    "Hyderabadi": ("Chicken 65", "Mirchi Ka Salan", "Double Ka Meetha", "Sheermal"),
    "Street Food": ("Misal Pav",),
    "Maharashtrian": ("Vada Pav", "Pav Bhaji", "Shrikhand", "Aamras"),
    "Coastal": ("Neer Dosa (3 pcs)", "Crab Masala", "Solkadhi", "Kokum Sharbat"),
    "Desserts": ("Gulab Jamun (2 pcs)", "Rasgulla (2 pcs)", "Gajar Ka Halwa", "Mishti Doi",
                 "Moong Dal Halwa", "Kulfi Falooda", "Shrikhand", "Eggless Chocolate Brownie"),
    "Cafe": ("Cold Coffee", "Lemon Iced Tea", "Masala Chai", "Eggless Chocolate Brownie"),
    "Pizza": ("Peri Peri Fries",),
}
# fmt: on

# --- Restaurants: naming, pricing, hours ------------------------------------------------

NAME_WORDS: tuple[str, ...] = (
    "Saffron", "Tamarind", "Cardamom", "Peacock", "Banyan", "Monsoon", "Clay Pot",
    "Brass Lamp", "Lotus", "Mango Tree", "Coconut Grove", "Jasmine", "Neem Tree", "Rangoli",
    "Marigold", "Kesar", "Tulsi", "Peepal", "Gulmohar", "Champa", "Jugnu", "Firefly",
    "Moonlight", "Sandalwood", "Chameli", "Rain Tree", "Rosewood", "Nilgiri Mist",
    "Little Elephant", "Golden Mango", "Copper Kadai", "Blue Lotus", "Green Chilli",
    "Red Earth", "Silver Oak", "Morning Star", "Old Well", "Twin Palms", "Sugarcane",
    "Pomegranate",
)  # fmt: skip

NAME_SUFFIXES: dict[str, tuple[str, ...]] = {
    "North Indian": ("Dhaba", "Tandoor", "Rasoi", "Kitchen", "Handi"),
    "South Indian": ("Tiffin Room", "Dosa House", "Bhavan", "Idli Corner", "Tiffins"),
    "Mughlai": ("Darbar", "Kebab Ghar", "Mehfil", "Qila"),
    "Awadhi": ("Kebab Ghar", "Nawabi Kitchen", "Mehfil", "Zaiqa"),
    "Chinese": ("Wok", "Noodle Bar", "Wok House", "Chopsticks"),
    "Street Food": ("Chaat Corner", "Chaat Bhandar", "Pav Junction", "Nukkad"),
    "Biryani": ("Biryani House", "Biryani Co.", "Degh", "Handi Biryani"),
    "Bengali": ("Rannaghar", "Bhoj", "Heshel", "Kitchen"),
    "Gujarati": ("Thali House", "Rasoi", "Bhojanalay", "Farsan House"),
    "Rajasthani": ("Haveli", "Rasoda", "Bhojanalay", "Thali House"),
    "Hyderabadi": ("Deccan Kitchen", "Darbar", "Nizami Kitchen"),
    "Chettinad": ("Mess", "Virundhu", "Kitchen"),
    "Kerala": ("Thattukada", "Kitchen", "Sadya House"),
    "Pizza": ("Pizzeria", "Slice Co.", "Pizza Kitchen", "Oven Works"),
    "Desserts": ("Sweets", "Mithai Ghar", "Creamery", "Dessert Bar"),
    "Cafe": ("Cafe", "Coffee House", "Roastery", "Bakehouse"),
    "Maharashtrian": ("Misal House", "Khanaval", "Upahar Griha"),
    "Coastal": ("Coastal Kitchen", "Fish Curry House", "Seafood Kitchen"),
}

BLURBS: dict[str, str] = {
    "North Indian": "Tandoori breads, rich curries and slow-cooked dal makhani.",
    "South Indian": "Crisp dosas, soft idlis and strong filter coffee.",
    "Mughlai": "Charcoal-grilled kebabs, kormas and saffron-scented breads.",
    "Awadhi": "Lucknowi kebabs, dum biryani and delicate kormas.",
    "Chinese": "Indo-Chinese favourites: Manchurian, Hakka noodles and chilli paneer.",
    "Street Food": "Chaat, rolls and pav snacks, made to order.",
    "Biryani": "Dum biryanis sealed and slow-cooked in handis.",
    "Bengali": "Mustard-laced fish, kosha mangsho and mishti.",
    "Gujarati": "Farsan, sweet-sour shaaks and generous thalis.",
    "Rajasthani": "Dal baati churma, gatte and ghee-laden sweets.",
    "Hyderabadi": "Kacchi biryani, haleem and Deccani curries.",
    "Chettinad": "Peppery Chettinad curries and fresh paniyaram.",
    "Kerala": "Appam, coconut curries and Malabar parottas.",
    "Pizza": "Hand-stretched pizzas, pastas and garlic bread.",
    "Desserts": "Mithai, kulfi and ice creams.",
    "Cafe": "Coffee, sandwiches and all-day breakfast.",
    "Maharashtrian": "Misal pav, thalipeeth and Kolhapuri curries.",
    "Coastal": "Konkan-coast seafood fries and coconut curries.",
}

# How a description names a second or third cuisine ("Also serves ..."); else "X dishes".
ALSO_SERVES: dict[str, str] = {
    "Chinese": "Indo-Chinese dishes",
    "Street Food": "street food",
    "Biryani": "biryanis",
    "Pizza": "pizzas",
    "Desserts": "desserts",
    "Cafe": "coffee and cafe bites",
}

STYLES: tuple[str, ...] = (
    "A family-run kitchen", "A busy neighbourhood favourite", "A cosy spot",
    "An old-school eatery", "A no-frills local joint", "A bright, modern kitchen",
    "A late-night favourite", "A delivery kitchen",
)  # fmt: skip

# Typical cost for two (₹) by main cuisine, before the restaurant's price level.
COST_FOR_TWO: dict[str, int] = {
    "Street Food": 250, "South Indian": 300, "Maharashtrian": 350, "Desserts": 350,
    "Gujarati": 450, "Chinese": 500, "Cafe": 550, "Rajasthani": 550, "North Indian": 600,
    "Biryani": 600, "Pizza": 650, "Kerala": 650, "Chettinad": 700, "Bengali": 700,
    "Hyderabadi": 750, "Mughlai": 900, "Awadhi": 900, "Coastal": 1000,
}  # fmt: skip

PRICE_LEVELS: tuple[float, ...] = (0.8, 0.9, 1.0, 1.0, 1.1, 1.2, 1.3)

# Open hours by main cuisine (food_core.model.hours: India's time zone; a range ending
# before it starts runs past midnight); the rest keep 10:00-23:00 every day.
OPEN_HOURS: dict[str, str] = {
    "South Indian": "07:00-22:30",
    "Maharashtrian": "08:00-22:30",
    "Cafe": "Mon-Fri 08:00-23:00; Sat-Sun 09:00-00:30",
    "Desserts": "11:00-23:30",
    "Pizza": "11:00-01:00",
    "Biryani": "Mon-Thu 11:30-15:30,18:30-23:30; Fri-Sun 11:30-01:00",
    "Chinese": "12:00-15:30,19:00-23:30",
    "Street Food": "Tue-Sun 16:00-23:30",  # closed on Mondays
    "Mughlai": "12:00-00:30",
}
DEFAULT_OPEN_HOURS = "10:00-23:00"

# The PIN codes each city's restaurants deliver to: its main post office's number up to
# the last one of the city's delivery area (a demo's approximation of the real areas).
SERVED_UP_TO: dict[str, str] = {
    "400001": "400104",  # Mumbai
    "110001": "110096",  # New Delhi
    "560001": "560103",  # Bengaluru
    "500001": "500096",  # Hyderabad
    "600001": "600119",  # Chennai
    "700001": "700160",  # Kolkata
    "411001": "411062",  # Pune
    "380001": "380061",  # Ahmedabad
    "302001": "302043",  # Jaipur
    "226001": "226031",  # Lucknow
    "160017": "160036",  # Chandigarh (its GPO is 160017; the city's PINs start at 160001)
    "695001": "695043",  # Thiruvananthapuram
}
SERVED_FROM: dict[str, str] = {"160017": "160001"}


def served_pincodes(pincode: str) -> tuple[str, ...]:
    """Every PIN code a demo city delivers to, its own main one included."""
    first = int(SERVED_FROM.get(pincode, pincode))
    last = int(SERVED_UP_TO[pincode])
    return tuple(f"{n:06d}" for n in range(first, last + 1))


# Menu shares of the first, second and third cuisine.
SHARES: dict[int, tuple[int, ...]] = {1: (100,), 2: (65, 35), 3: (50, 30, 20)}

# --- Cities ------------------------------------------------------------------------------

# fmt: off
CITIES: tuple[CitySpec, ...] = (
    CitySpec("400001", "Mumbai",
        ("Colaba", "Fort", "Bandra West", "Dadar", "Andheri West", "Powai", "Matunga",
         "Girgaon"),
        (_veg("Street Food"), _c("Maharashtrian", "Street Food"), _c("Coastal"),
         _c("North Indian", "Chinese", "Biryani"), _c("Cafe", "Desserts"), _veg("Gujarati"),
         _c("Biryani", "Mughlai"), _c("Pizza", "Cafe"))),
    CitySpec("110001", "New Delhi",
        ("Connaught Place", "Karol Bagh", "Hauz Khas", "Lajpat Nagar", "Khan Market",
         "Rajouri Garden", "Saket", "Paharganj"),
        (_c("North Indian", "Mughlai"), _veg("Street Food"), _c("Mughlai", "Biryani"),
         _c("North Indian", "Chinese", "Street Food"), _c("Desserts", "Street Food"),
         _c("Pizza", "Cafe"), _veg("South Indian"), _c("Chinese"))),
    CitySpec("560001", "Bengaluru",
        ("Indiranagar", "Koramangala", "Jayanagar", "Malleshwaram", "Basavanagudi",
         "HSR Layout", "Whitefield", "Frazer Town"),
        (_veg("South Indian"), _veg("South Indian", "Desserts"), _c("Kerala"),
         _c("Biryani", "North Indian"), _c("Cafe", "Desserts"), _c("Chinese", "North Indian"),
         _c("Pizza"), _c("Chettinad", "South Indian"))),
    CitySpec("500001", "Hyderabad",
        ("Abids", "Banjara Hills", "Jubilee Hills", "Charminar", "Gachibowli",
         "Himayatnagar", "Ameerpet", "Kondapur"),
        (_c("Hyderabadi", "Biryani"), _c("Biryani"), _c("Hyderabadi", "Mughlai"),
         _veg("South Indian"), _c("North Indian", "Chinese"), _veg("Desserts", "Cafe"),
         _c("Chinese"), _c("Pizza", "Desserts"))),
    CitySpec("600001", "Chennai",
        ("Mylapore", "T. Nagar", "Adyar", "Anna Nagar", "Besant Nagar", "Nungambakkam",
         "Velachery", "Triplicane"),
        (_veg("South Indian"), _c("Chettinad"), _c("Chettinad", "Biryani"),
         _veg("South Indian", "Chinese"), _c("Kerala"), _c("Biryani", "North Indian"),
         _c("Cafe", "Desserts"), _c("Pizza"))),
    CitySpec("700001", "Kolkata",
        ("Park Street", "Gariahat", "Salt Lake", "Ballygunge", "College Street", "Esplanade",
         "New Market", "Tangra"),
        (_c("Bengali"), _c("Bengali", "Desserts"), _c("Biryani", "Mughlai"), _c("Chinese"),
         _c("Street Food", "Chinese"), _veg("Desserts"), _veg("North Indian", "Rajasthani"),
         _c("Cafe", "Pizza"))),
    CitySpec("411001", "Pune",
        ("Koregaon Park", "Deccan Gymkhana", "Kothrud", "Camp", "Shivajinagar", "Baner",
         "Aundh", "Sadashiv Peth"),
        (_veg("Maharashtrian"), _c("Maharashtrian", "Street Food"),
         _c("North Indian", "Chinese"), _c("Biryani", "Mughlai"), _c("Cafe", "Desserts"),
         _veg("South Indian"), _c("Pizza", "Cafe"), _c("Coastal", "Maharashtrian"))),
    CitySpec("380001", "Ahmedabad",
        ("Navrangpura", "Maninagar", "Law Garden", "Satellite", "Bodakdev", "Manek Chowk",
         "Vastrapur", "Paldi"),
        (_veg("Gujarati"), _veg("Gujarati", "Street Food"), _veg("Rajasthani", "Gujarati"),
         _c("North Indian", "Chinese"), _c("Mughlai", "Biryani"), _c("Pizza", "Desserts"),
         _veg("South Indian"), _c("Cafe"))),
    CitySpec("302001", "Jaipur",
        ("C-Scheme", "Malviya Nagar", "Raja Park", "Civil Lines", "Vaishali Nagar",
         "Johari Bazaar", "Bani Park", "Mansarovar"),
        (_veg("Rajasthani"), _c("Rajasthani", "North Indian"), _veg("Street Food", "Desserts"),
         _c("Mughlai", "North Indian"), _c("Cafe", "Pizza"), _c("Chinese", "North Indian"),
         _c("Biryani"), _c("North Indian"))),
    CitySpec("226001", "Lucknow",
        ("Hazratganj", "Aminabad", "Gomti Nagar", "Chowk", "Aliganj", "Indira Nagar",
         "Kapoorthala", "Mahanagar"),
        (_c("Awadhi", "Mughlai"), _c("Awadhi", "Biryani"), _c("Awadhi"), _veg("Street Food"),
         _c("North Indian", "Chinese"), _c("Desserts", "Street Food"), _c("Pizza", "Cafe"),
         _veg("South Indian"))),
    CitySpec("160017", "Chandigarh",
        ("Sector 17", "Sector 22", "Sector 35", "Sector 8", "Sector 26", "Sector 9",
         "Manimajra", "Sector 43"),
        (_c("North Indian"), _c("North Indian", "Mughlai"), _veg("Street Food"),
         _c("Chinese", "North Indian"), _c("Cafe", "Desserts"), _c("Pizza", "Cafe"),
         _veg("South Indian"), _c("Biryani", "Mughlai"))),
    CitySpec("695001", "Thiruvananthapuram",
        ("Kowdiar", "Pattom", "Vazhuthacaud", "Thampanoor", "East Fort", "Kesavadasapuram",
         "Vellayambalam", "Sasthamangalam"),
        (_c("Kerala"), _c("Kerala", "Chinese"), _veg("South Indian"), _c("Kerala", "Biryani"),
         _c("Cafe", "Desserts"), _c("Chettinad"), _c("North Indian", "Chinese"),
         _veg("Kerala", "South Indian"))),
)
# fmt: on


# --- The generator -----------------------------------------------------------------------


class Dice:
    """Seeded draws built on ``random.Random.random`` alone.

    Python guarantees only that a seed gives the same ``random()`` sequence on every
    version (``choice``, ``sample``, ``randrange`` may change), so the catalog stays
    byte-identical across Python upgrades.
    """

    def __init__(self, seed: int) -> None:
        self._random = random.Random(seed)

    def random(self) -> float:
        return self._random.random()

    def below(self, n: int) -> int:
        """0 <= result < n."""
        return min(int(self.random() * n), n - 1)

    def randint(self, low: int, high: int) -> int:
        """low <= result <= high."""
        return low + self.below(high - low + 1)

    def choice(self, items: Sequence[T]) -> T:
        return items[self.below(len(items))]

    def sample(self, items: Sequence[T], k: int) -> list[T]:
        """k distinct items in random order (a partial Fisher-Yates shuffle)."""
        pool = list(items)
        for i in range(k):
            j = i + self.below(len(pool) - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def uniform(self, low: float, high: float) -> float:
        return low + (high - low) * self.random()

    def triangular(self, low: float, high: float, mode: float) -> float:
        u, c = self.random(), (mode - low) / (high - low)
        if u > c:
            u, c, low, high = 1.0 - u, 1.0 - c, high, low
        return low + (high - low) * math.sqrt(u * c)


@frozen
class DemoCatalog:
    cities: tuple[City, ...]
    restaurants: tuple[Restaurant, ...]
    food_items: tuple[FoodItem, ...]
    coupons: tuple[Coupon, ...] = ()
    ratings: tuple[Rating, ...] = ()


def generate(seed: int = DEFAULT_SEED) -> DemoCatalog:
    """Build the demo catalog; the same seed always gives an equal catalog."""
    rng = Dice(seed)
    cities: list[City] = []
    restaurants: list[Restaurant] = []
    items: list[FoodItem] = []
    taken_names: set[str] = set()
    for spec in CITIES:
        city = City(spec.pincode, spec.name, served_pincodes(spec.pincode))
        cities.append(city)
        localities = rng.sample(spec.localities, len(spec.concepts))
        for concept, locality in zip(spec.concepts, localities, strict=True):
            restaurant_id = FIRST_RESTAURANT_ID + len(restaurants)
            level = rng.choice(PRICE_LEVELS)
            name = _restaurant_name(rng, concept.cuisines[0], taken_names)
            restaurants.append(
                _restaurant(rng, restaurant_id, name, city, concept, locality, level)
            )
            first_food_id = FIRST_FOOD_ID + len(items)
            items.extend(_menu(rng, restaurant_id, first_food_id, concept, level))
    first: dict[str, int] = {}
    for restaurant in restaurants:
        first.setdefault(restaurant.city.city_name, restaurant.restaurant_id)
    # The level drawn for each restaurant is what its customers' ratings centre on.
    scored, ratings = rate_restaurants(restaurants, [r.restaurant_rating for r in restaurants])
    return DemoCatalog(tuple(cities), scored, tuple(items), demo_coupons(first), ratings)


def load_into(
    catalog: CatalogRepository, demo: DemoCatalog, ratings: RatingRepository | None = None
) -> None:
    """Add every city, then every restaurant, then the food items in batches, then the
    coupons; then, given the ratings port, the ratings (see :func:`load_ratings`)."""
    for city in demo.cities:
        catalog.add_city(city)
    for restaurant in demo.restaurants:
        catalog.add_restaurant(restaurant)
    for start in range(0, len(demo.food_items), LOAD_BATCH):
        catalog.add_food_items(demo.food_items[start : start + LOAD_BATCH])
    catalog.add_coupons(demo.coupons)
    if ratings is not None:
        load_ratings(catalog, ratings, demo)


def load_ratings(catalog: CatalogRepository, ratings: RatingRepository, demo: DemoCatalog) -> int:
    """Store the ratings the store lacks (a rating is stored once per order id, so this
    is idempotent) and recount each restaurant the way a customer's rating does; the
    number stored."""
    added = sum(1 for rating in demo.ratings if ratings.add(rating))
    for restaurant in demo.restaurants:
        store_score(catalog, ratings, restaurant.restaurant_id)
    return added


def load_if_empty(
    catalog: CatalogRepository,
    seed: int = DEFAULT_SEED,
    ratings: RatingRepository | None = None,
) -> bool:
    """Load the demo catalog unless the catalog already has data; True if it loaded.

    Not atomic: callers that start several processes at once should let one of them
    load (the ids are fixed, so a repeated load writes the same entities again).
    """
    if not catalog.is_empty():
        return False
    load_into(catalog, generate(seed), ratings)
    return True


def menu_of(cuisine: str) -> tuple[Dish, ...]:
    """A cuisine's own dishes followed by those it borrows from other cuisines."""
    borrowed = set(BORROWED.get(cuisine, ()))
    extra = tuple(d for dishes in MENUS.values() for d in dishes if d.name in borrowed)
    return MENUS[cuisine] + extra


def _restaurant_name(rng: Dice, cuisine: str, taken: set[str]) -> str:
    while True:
        name = f"{rng.choice(NAME_WORDS)} {rng.choice(NAME_SUFFIXES[cuisine])}"
        if name not in taken:
            taken.add(name)
            return name


def _restaurant(
    rng: Dice,
    restaurant_id: int,
    name: str,
    city: City,
    concept: Concept,
    locality: str,
    level: float,
) -> Restaurant:
    main = concept.cuisines[0]
    rating = round(rng.triangular(*RATING, 4.1), 1)
    delivery = rng.choice(DELIVERY_MINUTES)
    cost = _clamp(_round_to(COST_FOR_TWO[main] * level, 50), *COST_FOR_TWO_RUPEES)
    return Restaurant(
        restaurant_id=restaurant_id,
        restaurant_name=name,
        restaurant_description=_description(rng, concept, locality),
        restaurant_rating=rating,
        city=city,
        cuisines=concept.cuisines,
        is_veg_only=concept.veg_only,
        delivery_time_minutes=delivery,
        cost_for_two=cost * 100,
        open_hours=OpenHours.parse(OPEN_HOURS.get(main, DEFAULT_OPEN_HOURS)),
        delivery_fee=delivery_fee_paise(delivery),
        free_delivery_above=free_delivery_above_paise(cost * 100),
    )


def _description(rng: Dice, concept: Concept, locality: str) -> str:
    main, *others = concept.cuisines
    parts = [f"{rng.choice(STYLES)} in {locality}.", BLURBS[main]]
    if others:
        also = [ALSO_SERVES.get(c, f"{c} dishes") for c in others]
        parts.append(f"Also serves {' and '.join(also)}.")
    if concept.veg_only:
        parts.append("Pure vegetarian.")
    return " ".join(parts)


def _menu(
    rng: Dice, restaurant_id: int, first_food_id: int, concept: Concept, level: float
) -> list[FoodItem]:
    dishes = _pick_dishes(rng, concept)
    available = _availability(rng, dishes)
    prices = [_price_paise(rng, dish.rupees, level) for dish in dishes]
    return [
        FoodItem(
            food_id=first_food_id + i,
            restaurant_id=restaurant_id,
            food_name=dish.name,
            food_category=dish.category,
            price=price,
            availability=is_available,
            is_veg=dish.is_veg,
            description=dish.description,
            packaging=packaging_paise(dish.category),
            option_groups=option_groups(
                first_food_id + i, dish.category, price, is_veg=dish.is_veg
            ),
        )
        for i, (dish, is_available, price) in enumerate(zip(dishes, available, prices, strict=True))
    ]


def _pick_dishes(rng: Dice, concept: Concept) -> list[Dish]:
    """Mostly the main cuisine's dishes, some of the others'; no name twice; in menu order."""
    size = rng.randint(*MENU_SIZE)
    pools = [[d for d in menu_of(c) if d.is_veg or not concept.veg_only] for c in concept.cuisines]
    chosen: dict[str, Dish] = {}
    for pool, quota in zip(pools, _quotas(size, len(pools)), strict=True):
        _take(rng, chosen, pool, quota)
    _take(rng, chosen, [d for pool in pools for d in pool], size - len(chosen))
    return sorted(chosen.values(), key=lambda d: (CATEGORY_ORDER.index(d.category), d.name))


def _take(rng: Dice, chosen: dict[str, Dish], pool: Sequence[Dish], count: int) -> None:
    fresh = list({d.name: d for d in pool if d.name not in chosen}.values())
    for dish in rng.sample(fresh, max(0, min(count, len(fresh)))):
        chosen[dish.name] = dish


def _quotas(size: int, cuisines: int) -> list[int]:
    quotas = [size * share // 100 for share in SHARES[cuisines]]
    quotas[0] += size - sum(quotas)
    return quotas


def _availability(rng: Dice, dishes: Sequence[Dish]) -> list[bool]:
    """A few dishes are sold out, but never every dish of a category."""
    available = [rng.random() >= UNAVAILABLE_SHARE for _ in dishes]
    for category in dict.fromkeys(d.category for d in dishes):
        in_category = [i for i, d in enumerate(dishes) if d.category == category]
        if not any(available[i] for i in in_category):
            available[in_category[0]] = True
    return available


def _price_paise(rng: Dice, rupees: int, level: float) -> int:
    price = _round_to(rupees * level * rng.uniform(0.92, 1.08), 5)
    return _clamp(price, *PRICE_RUPEES) * 100


def _round_to(value: float, step: int) -> int:
    return int(value / step + 0.5) * step


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
