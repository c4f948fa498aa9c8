import { describe, expect, it } from 'vitest';
import { cleanHeadline, longestSharedRun, writeMoney } from '../../functions/domain/notes/headline-words.js';
import { describeNews } from '../../functions/domain/notes/news-phrase.js';

/**
 * Hand-written headlines (none from the eval files) with the event the classifier gives them, and
 * the specific words the note must use for them. `phrase` must appear in the full phrase exactly.
 */
const TABLE: ReadonlyArray<readonly [event: string, company: string, headline: string, phrase: string]> = [
  // Awards: the award's name, and what it was for.
  ['award', 'Acme', 'Acme wins Webby for best mobile app', 'the Webby for best mobile app'],
  ['award', 'Acme', 'Acme Wins Webby For Best Mobile App', 'the Webby for best mobile app'],
  ['award', 'Bluefin Analytics', 'Bluefin Analytics receives 2026 Red Dot design award', 'the 2026 Red Dot design award'],
  ['award', 'Nordwind', 'Nordwind takes home Queen’s Award for Enterprise', "the Queen's Award for Enterprise"],
  ['award', 'Kestrel Labs', 'Kestrel Labs bags national energy efficiency award', 'the national energy efficiency award'],
  ['award', 'Halcyon', 'Halcyon named to Fortune Best Workplaces list', 'the spot on the Fortune Best Workplaces list'],
  ['award', 'Orbit Foods', 'Orbit Foods honoured with sustainability prize at Paris summit', 'sustainability prize at the Paris summit'],
  ['award', 'Lumen Bank', 'Lumen Bank wins Euromoney award for digital banking', 'the Euromoney award for digital banking'],
  ['award', 'Tidewater Studios', 'Tidewater Studios picks up Emmy for outstanding animation', 'the Emmy for outstanding animation'],
  ['award', 'Granite Software', 'Granite Software earns Gartner Peer Insights award', 'the Gartner Peer Insights award'],
  ['award', 'Pinecrest', 'UPDATE 1-Pinecrest wins Pulitzer for investigative reporting', 'the Pulitzer for investigative reporting'],
  ['award', 'Fable Games', 'Fable Games scoops BAFTA for best debut game - Industry News', 'the BAFTA for best debut game'],
  // An honour whose name runs over "of the" keeps its capitals, whatever the headline's case.
  ['award', 'Acme', 'Acme wins Best Robot of the Year award', 'the Best Robot of the Year award'],
  ['award', 'Acme', 'ACME WINS BEST ROBOT OF THE YEAR AWARD', 'the Best Robot of the Year award'],
  ['award', 'Acme', 'Acme named Company of the Year by Forbes', 'the recognition as Company of the Year by Forbes'],
  ['award', 'Acme', 'Acme Named Supplier Of The Year By Ford', 'the recognition as Supplier of the Year by Ford'],
  ['award', 'Acme Robotics', "Acme Robotics named to Fast Company's 2026 Most Innovative Companies list", "the spot on Fast Company's 2026 Most Innovative Companies list"],
  ['contract-win', 'Acme Robotics', 'Acme Robotics Lands Multi-Million Dollar Contract With Walmart', 'the multi-million dollar contract with Walmart'],
  // "&" inside a name stays; a long award name stays whole.
  ['award', 'Acme Robotics', 'Acme Robotics Receives 2026 Frost & Sullivan Technology Innovation Leadership Award', 'the Frost & Sullivan Technology Innovation Leadership Award'],
  ['contract-win', 'Acme', 'Acme wins contract from Johnson & Johnson', 'the contract from Johnson & Johnson'],
  // Contracts: the sum, the kind, the client.
  ['contract-win', 'Acme Robotics', 'Acme Robotics wins $40 million rail contract from state of Ohio', 'the $40 million rail contract from the state of Ohio'],
  ['contract-win', 'Rolls-Royce', 'Rolls-Royce Wins $9.2 Billion Order From Emirates Airline', 'the $9.2 billion order from Emirates Airline'],
  ['contract-win', 'Kestrel', 'Kestrel bags Rs 410 crore order from Indian Railways', 'the Rs 410 crore order from Indian Railways'],
  ['contract-win', 'Kestrel', 'Kestrel bags Rs 410-cr order; stock up 6%', 'the Rs 410 crore order'],
  ['contract-win', 'Marlin Systems', 'Marlin Systems lands five-year cloud contract with NHS Scotland', 'the five-year cloud contract with NHS Scotland'],
  ['contract-win', 'Vantage', 'Vantage secures €25 mln wind farm maintenance deal', 'the €25 million wind farm maintenance deal'],
  ['contract-win', 'Harbor Tech', 'Pentagon awards Harbor Tech $120 million software contract', 'the $120 million software contract from the Pentagon'],
  ['contract-win', 'Ironclad', 'Ironclad shares jump 8% on order worth Rs 900 crore from NTPC', 'the Rs 900 crore order from NTPC'],
  ['contract-win', 'Sable Infra', 'RPT-Sable Infra wins metro rail project in Pune', 'the metro rail project in Pune'],
  ['contract-win', 'Corvid', 'Corvid clinches 10-year outsourcing deal with Telstra', 'the 10-year outsourcing deal with Telstra'],
  ['contract-win', 'Alder', 'Alder rallies on SAP implementation contract', 'the SAP implementation contract'],
  ['contract-win', 'Juniper Build', 'Juniper Build bags $75m highway contract in Texas', 'the $75 million highway contract in Texas'],
  ['contract-win', 'Pylon', 'PYLON WINS $30 MILLION GRID CONTRACT FROM DUKE ENERGY', 'the $30 million grid contract from Duke Energy'],
  ['contract-win', 'Maple Defence', 'Maple Defence wins $2.1bn submarine support contract', 'the $2.1 billion submarine support contract'],
  ['contract-win', 'Cobalt', 'Cobalt gains on order win from Vodafone Idea', 'the order from Vodafone Idea'],
  ['contract-win', 'Westbrook', 'Westbrook wins contract to build new Austin airport terminal', 'the contract to build the new Austin airport terminal'],
  // Expansion: the place.
  ['expansion', 'Bluefin Analytics', 'Bluefin Analytics to open Lisbon office and hire 200 engineers', 'the new Lisbon office'],
  ['expansion', 'Bluefin Analytics', 'Bluefin Analytics to open Lisbon office and hire 200 engineers', 'the plan to hire 200 engineers'],
  ['expansion', 'Apex Tyres', 'Apex Tyres to set up plant in Hungary; stock rallies 3%', 'the new plant in Hungary'],
  ['expansion', 'Cinder', 'Cinder opens new R&D centre in Bangalore', 'the new R&D centre in Bangalore'],
  ['expansion', 'Quill', 'Quill Opens European Headquarters In Dublin', 'the new European headquarters in Dublin'],
  ['expansion', 'Mosaic Retail', 'Mosaic Retail to open 40 stores in Texas', 'the new 40 stores in Texas'],
  ['expansion', 'Fernway', 'Fernway expands into Brazil with Sao Paulo hub', 'the new Sao Paulo hub'],
  ['expansion', 'Fernway', 'Fernway expands into Brazil', 'the expansion into Brazil'],
  ['expansion', 'Redpine', 'Redpine enters Japanese market', 'the move into the Japanese market'],
  ['expansion', 'Lattice Motors', 'Lattice Motors to invest $500 million in Ohio battery plant', 'the new $500 million Ohio battery plant'],
  ['expansion', 'Osprey', 'Osprey inaugurates data centre in Chennai', 'the new data centre in Chennai'],
  ['expansion', 'Granary', 'Granary breaks ground on Kansas flour mill', 'the new Kansas flour mill'],
  ['expansion', 'Aurora Pay', 'Aurora Pay foray into insurance broking', 'the move into insurance broking'],
  ['expansion', 'Cedar', 'Cedar to invest Rs 800 crore for expansion', 'the Rs 800 crore expansion plan'],
  ['hiring', 'Nimbus', 'Nimbus to hire 500 engineers in Poland', 'the plan to hire 500 engineers'],
  ['hiring', 'Nimbus', 'Nimbus to create 1,200 jobs', 'the 1,200 new jobs'],
  // Funding: the sum, the round, the backers.
  ['funding', 'Loop Health', 'Loop Health raises $50 million Series C led by Sequoia', 'the $50 million Series C round led by Sequoia'],
  ['funding', 'Tandem', 'Tandem raises $12m in seed funding', 'the $12 million seed round'],
  ['funding', 'Finch', 'Finch gets Rs 250-cr PE funding', 'the Rs 250 crore PE funding'],
  ['funding', 'Kiln', 'Kiln raises Rs 90 crore from domestic investors', 'the Rs 90 crore in new funding from domestic investors'],
  ['funding', 'Harbour AI', 'Harbour AI closes Series B led by Accel', 'the Series B round led by Accel'],
  ['funding', 'Verdant', 'Verdant secures €8 mln in growth funding', 'the €8 million growth funding'],
  ['funding', 'Sprout', 'Sprout raises $3.5 million', 'the $3.5 million in new funding'],
  ['funding', 'Quarry', 'EXCLUSIVE-Quarry raises $200 million from Tiger Global', 'the $200 million in new funding from Tiger Global'],
  // Launches: the product.
  ['product-launch', 'Micron Mobile', 'Micron Mobile launches Canvas Pulse 5G, priced Rs 12,999', 'the launch of Canvas Pulse 5G'],
  ['product-launch', 'Acme', 'Acme unveils Nimbus AI assistant for lawyers', 'the launch of the Nimbus AI assistant for lawyers'],
  ['product-launch', 'Orchard', 'Orchard launches e-voting platform for shareholders', 'the launch of the e-voting platform for shareholders'],
  ['product-launch', 'Helio', 'Helio rolls out solar roof tiles in Germany', 'the launch of solar roof tiles in Germany'],
  ['product-launch', 'Brightline', 'Brightline introduces new hybrid SUV', 'the launch of the new hybrid SUV'],
  ['product-launch', 'Meridian', 'Meridian unveils latest pacemaker in US, Canada', 'the launch of the latest pacemaker in the US'],
  ['product-launch', 'Tessellate', 'Tessellate launches Atlas 3 mapping software', 'the launch of Atlas 3 mapping software'],
  // Milestones.
  ['milestone', 'Ridgeway Energy', "Ridgeway Energy's unit strikes gas in Mozambique", 'the gas find in Mozambique'],
  ['milestone', 'Chirp', 'Chirp crosses 100 million downloads', 'the 100 million downloads milestone'],
  ['milestone', 'Skyhook', 'Skyhook delivers 1,000th aircraft', 'the delivery of the 1,000th aircraft'],
  ['milestone', 'Ledger Pay', 'Ledger Pay hits $1 billion in payments', 'the $1 billion in payments milestone'],
  ['milestone', 'Opal', 'Opal completes Thames tunnel ahead of schedule', 'the completion of the Thames tunnel'],
  // Results: the figure, the period.
  ['strong-results', 'APL Metals', 'APL Metals Q3 net up 54 pc to Rs 13.01 cr', 'the 54% jump in third-quarter profit'],
  ['strong-results', 'Kaveri Paints', 'Kaveri Paints Q1 net profit rises 35.81% to Rs 210 crore', 'the 36% rise in first-quarter profit'],
  ['strong-results', 'Sundial', 'Sundial revenue jumps 60% in fiscal 2025', 'the 60% jump in revenue'],
  ['strong-results', 'Corvette Bank', 'Corvette Bank Q2 net jumps 10-fold to Rs 160 crore', 'the ten-fold jump in second-quarter profit'],
  ['strong-results', 'Zenith Motors', 'Zenith Motors domestic sales up 22% in March', 'the 22% rise in domestic sales in March'],
  ['strong-results', 'Lotus Pharma', 'Lotus Pharma net profit doubles in Jan-Mar', 'the doubling of profit in the January–March quarter'],
  ['strong-results', 'Beacon', 'Beacon posts 41% jump in net profit', 'the 41% rise in profit'],
  ['strong-results', 'Gateway Ports', 'Gateway Ports FY25 net up over two-fold', 'the more than two-fold jump in full-year profit'],
  ['strong-results', 'Ibex', 'Ibex H1 profit up 18 per cent', 'the 18% rise in first-half profit'],
  ['strong-results', 'Calder', 'Calder December quarter net soars 70%', 'the 70% jump in December-quarter profit'],
  ['strong-results', 'Pioneer TV', 'Pioneer TV makes first profit at Rs 12 crore', 'the first profit of Rs 12 crore'],
  ['strong-results', 'Quartz', 'Quartz turnover surges 45% in April', 'the 45% rise in turnover in April'],
  ['strong-results', 'Norfolk Mills', 'Norfolk Mills Q4 net profit up nearly 7-fold', 'the nearly seven-fold jump in fourth-quarter profit'],
  // Partnerships: the partner, from either side.
  ['partnership', 'Acme', 'Acme partners with Siemens on factory automation', 'the partnership with Siemens'],
  ['partnership', 'Siemens', 'Acme partners with Siemens on factory automation', 'the partnership with Acme'],
  ['partnership', 'Harbor Bank', 'Harbor Bank inks strategic partnership with Visa', 'the strategic partnership with Visa'],
  ['partnership', 'Visa', 'Harbor Bank inks strategic partnership with Visa', 'the strategic partnership with Harbor Bank'],
  ['partnership', 'Tamarind', 'Tamarind, Kyoto University sign MoU for battery research', 'the MoU with Kyoto University for battery research'],
  ['partnership', 'Kyoto University', 'Tamarind, Kyoto University sign MoU for battery research', 'the MoU with Tamarind'],
  ['partnership', 'Solace', 'Solace ties up with Airtel to offer cloud storage', 'the partnership with Airtel'],
  ['partnership', 'Vireo', 'Vireo forms joint venture with Toyota Tsusho', 'the joint venture with Toyota Tsusho'],
  ['partnership', 'Cascade', 'Cascade shares up 9% on pact with German firm', 'the pact with the German firm'],
  ['partnership', 'Lark', 'Lark Teams Up With Spotify For Podcast Studio', 'the partnership with Spotify for the podcast studio'],
  ['partnership', 'Orion', 'Orion signs licensing deal with Pfizer', 'the licensing deal with Pfizer'],
  ['partnership', 'Keystone', 'Keystone and Maersk form logistics alliance', 'the logistics alliance with Maersk'],
  // Acquisitions: what was bought, for how much, from whom.
  ['acquisition', 'Shire', 'Shire to buy Dyax for about $5.9 bln', 'the $5.9 billion acquisition of Dyax'],
  ['acquisition', 'GKN', 'GKN to buy Fokker Technologies for 706 mln euros', 'the €706 million acquisition of Fokker Technologies'],
  ['acquisition', 'Perrin', 'Hollis sells US vaccine rights to Perrin for $380 mln', 'the $380 million acquisition of the US vaccine rights from Hollis'],
  ['acquisition', 'Marlow', 'Marlow acquires Dutch payroll firm Payflex', 'the acquisition of the Dutch payroll firm Payflex'],
  ['acquisition', 'Brewster', 'Brewster buys craft brewer Meanwhile to grow in London', 'the acquisition of the craft brewer Meanwhile'],
  ['acquisition', 'Tallis', 'Tallis completes acquisition of Northgate Software', 'the acquisition of Northgate Software'],
  ['acquisition', 'Oakmont', 'Oakmont snaps up rival Birchwood in $70 million deal', 'the $70 million acquisition of the rival Birchwood'],
  // Listings: the exchange, the size, the demand.
  ['ipo', 'Kestrel Foods', "Kestrel Foods' Rs 1,200-crore IPO oversubscribed 12.5 times", 'the Rs 1,200 crore IPO, oversubscribed 12.5 times'],
  ['ipo', 'Reno Tech', 'Reno Tech prices $2 billion IPO at top of range', 'the $2 billion IPO'],
  ['ipo', 'Indus Wires', 'Indus Wires lists on NSE at Rs 240', 'the listing on the NSE'],
  ['ipo', 'Comet Logistics', "Comet Logistics lists on BSE's SME platform", "the listing on BSE's SME platform"],
  ['ipo', 'Lantern', 'Lantern floats on London Stock Exchange', 'the listing on the London Stock Exchange'],
  ['ipo', 'Pinnacle Labs', 'Pinnacle Labs prices IPO at Rs 520 per share', 'the IPO, priced at Rs 520 a share'],
  ['ipo', 'Saffron', 'Saffron files IPO papers with Sebi', 'the IPO filing with Sebi'],
  ['ipo', 'Velvet', 'Velvet lists at Rs 310, a 24% premium to issue price', 'the listing at a 24% premium'],
  // Approvals: the regulator and what it approved.
  ['regulatory-approval', 'Norbrook', 'FDA approves Norbrook’s Zelvia for migraine', 'the FDA approval of Zelvia for migraine'],
  ['regulatory-approval', 'Calyx', "Calyx's Lung Cancer Drug Orvex Gets FDA Approval", 'the FDA approval for the lung cancer drug Orvex'],
  ['regulatory-approval', 'Tessera', 'Tessera rallies on USFDA nod for Metformin tablets', 'the USFDA approval for Metformin tablets'],
  ['regulatory-approval', 'Strand', 'Strand surges as Hyderabad facility gets USFDA approval', 'the USFDA approval for the Hyderabad facility'],
  ['regulatory-approval', 'Mira Power', 'Mira Power gets Sebi nod for IPO', 'the Sebi approval for the IPO'],
  ['regulatory-approval', 'Aster', 'Aster wins EU approval for hydrogen truck', 'the EU approval for the hydrogen truck'],
  ['regulatory-approval', 'Delphi Gold', 'Delphi Gold gets Sebi nod to raise Rs 44 crore', 'the Sebi approval to raise Rs 44 crore'],
  // ------------------------------------------------------------------------------------------
  // The shapes the classifier congratulates since it learned IPO steps, market entry, licences,
  // deals with a named party, agreed purchases and first deliveries (none from the eval files).

  // Listings, step by step.
  ['ipo', 'Saffron Tiles', 'Saffron Tiles IPO opens on Wednesday', 'the IPO opening on Wednesday'],
  ['ipo', 'Kaveri Seeds', "Kaveri Seeds' Rs 450-crore IPO to open on March 9", 'the Rs 450 crore IPO opening on March 9'],
  ['ipo', 'Hillcrest Foods', 'Hillcrest Foods fixes IPO price band at Rs 310-325', 'the IPO price band of Rs 310–325'],
  ['ipo', 'Dunmore Cables', 'Dunmore Cables sets price band of Rs 88-92 per share for IPO', 'the IPO price band of Rs 88–92'],
  ['ipo', 'Oakleaf Pharma', 'Oakleaf Pharma files DRHP with SEBI for Rs 900 crore IPO', 'the Rs 900 crore IPO filing with SEBI'],
  ['ipo', 'Bramble', 'Bramble files for Nasdaq IPO', 'the Nasdaq IPO filing'],
  ['ipo', 'Tern Robotics', 'Tern Robotics to debut on NYSE on Friday', 'the debut on the NYSE on Friday'],
  ['ipo', 'Marigold Finance', 'Marigold Finance shares end 38% up on market debut', 'the stock market debut and the 38% rise on the first day'],
  ['ipo', 'Cobalt Homes', 'Cobalt Homes lists at 15% premium on BSE', 'at a 15% premium'],
  ['ipo', 'Larkspur', 'Larkspur valued at $3.1 billion in New York listing', 'the New York listing at a $3.1 billion valuation'],
  ['ipo', 'Fennel Energy', "Fennel Energy shares rise in Europe's biggest tech listing this year", 'the biggest tech listing in Europe'],
  ['ipo', 'Juniper Retail', 'Juniper Retail to list on NSE, BSE on July 4', 'the listing on the NSE and BSE on July 4'],
  ['ipo', 'Quayside', 'Quayside completes London IPO', 'the London IPO'],
  ['ipo', 'Peregrine', "Peregrine's Rs 600 crore IPO subscribed 22 times on final day", 'the Rs 600 crore IPO, oversubscribed 22 times'],
  // Market entry and new places.
  ['expansion', 'Tidewell', 'Tidewell enters Vietnam', 'the move into Vietnam'],
  ['expansion', 'Tidewell', 'Tidewell sets up subsidiary in Singapore', 'the new subsidiary in Singapore'],
  ['expansion', 'Brightwater', 'Brightwater returns to South African market', 'the return to the South African market'],
  ['expansion', 'Corbel', 'Corbel forms joint venture to enter Saudi market', 'the move into the Saudi market'],
  ['expansion', 'Lumina', 'Lumina breaks ground on $300 million chip plant in Arizona', 'the new $300 million chip plant in Arizona'],
  ['expansion', 'Ostara', 'Ostara makes debut in Kenya with Nairobi store', 'the new Nairobi store'],
  ['expansion', 'Pennant', 'Pennant launches operations in Egypt', 'the launch of operations in Egypt'],
  ['expansion', 'Ridley', 'Ridley expands capacity at Nashik unit', 'the capacity expansion at the Nashik unit'],
  ['expansion', 'Birch Cafe', 'Birch Cafe debuts in Mumbai; to open 20 outlets', 'the debut in Mumbai'],
  ['expansion', 'Harrow Steel', 'Harrow Steel commissions 450 MW capacity at Jajpur', 'the new 450 MW capacity at Jajpur'],
  // Licences and approvals.
  ['regulatory-approval', 'Fairpay', 'RBI grants payments bank licence to Fairpay', 'the payments bank licence from the RBI'],
  ['regulatory-approval', 'Cresco Bio', "Cresco Bio's eczema cream approved by FDA", 'the FDA approval for the eczema cream'],
  ['regulatory-approval', 'Norcliff', 'EU regulator backs approval for Norcliff psoriasis drug', "the EU regulator's backing for the psoriasis drug"],
  ['regulatory-approval', 'Aravali Mining', 'Aravali Mining rallies after licence to mine lithium in Rajasthan', 'the licence to mine lithium in Rajasthan'],
  ['regulatory-approval', 'Coral Tech', 'Coral Tech, Delta Soft get Sebi nod for IPOs', 'the Sebi approval for the IPO'],
  ['regulatory-approval', 'Delta Soft', 'Sebi clears IPOs of Coral Tech, Delta Soft', 'the Sebi approval for the IPO'],
  // Deals with a named party.
  ['partnership', 'Inverness Bio', 'Novartis to pay Inverness Bio up to $500 million for eye drug', 'the deal with Novartis worth up to $500 million for the eye drug'],
  ['partnership', 'Marrow Tx', 'Marrow Tx to receive $120 million from Roche for cancer antibody rights', 'the $120 million deal with Roche for cancer antibody rights'],
  ['partnership', 'Gannet', 'Gannet partners Tata Power for EV charging network', 'the partnership with Tata Power for the EV charging network'],
  ['partnership', 'Skerry', 'Skerry agrees 10-year offtake deal with BP', 'the 10-year offtake deal with BP'],
  ['partnership', 'Larch', 'Larch hits record high on Siemens collaboration', 'the collaboration with Siemens'],
  ['partnership', 'Hollin', 'Hollin completes formation of 50:50 JV with Sumitomo', 'the 50:50 joint venture with Sumitomo'],
  ['contract-win', 'Oriel Systems', 'Oriel Systems selected by ESA to build satellite sensors', 'the selection by ESA to build satellite sensors'],
  ['contract-win', 'Penrose', 'Contract for new Leeds tram depot awarded to Penrose', 'the contract for the new Leeds tram depot'],
  ['contract-win', 'Kestrel Rail', 'Kestrel Rail signs agreement to supply 300 coaches to Egypt', 'the agreement to supply 300 coaches to Egypt'],
  ['contract-win', 'Halden', 'Halden emerges winner in NHAI highway auction', 'the win in the NHAI highway auction'],
  ['contract-win', 'Brisk Infra', 'Brisk Infra wins bid to build Surat metro depot', 'the winning bid to build the Surat metro depot'],
  ['contract-win', 'Cairn Atlas', 'Cairn Atlas completes record $2 billion pension buyout deal', 'the record $2 billion pension buyout deal'],
  ['contract-win', 'Mistral', 'Mistral to supply turbines to Orsted in $900 million deal', 'the $900 million deal to supply turbines to Orsted'],
  ['contract-win', 'Wren Design', 'Apex Group ropes in Wren Design to create new brand identity', 'the mandate from Apex Group to create the new brand identity'],
  ['contract-win', 'Deccan Minerals', 'Deccan Minerals bags two more iron ore blocks in auction', 'the iron ore blocks won at auction'],
  ['partnership', 'Nordgas', 'Borealis extends supply deals with Nordgas, Vattenfall', 'the supply deals with Borealis'],
  ['partnership', 'Borealis', 'Borealis extends supply deals with Nordgas, Vattenfall', 'the supply deals with Nordgas and Vattenfall'],
  ['acquisition', 'Quorn Media', 'Halden sells Streamly and music service to Quorn Media', 'the acquisition of Streamly and the music service from Halden'],
  ['contract-win', 'Castlegate', "Castlegate completes Europe's largest medically underwritten pension buyout deal", 'the largest underwritten pension buyout deal in Europe'],
  ['contract-win', 'Barings', 'Apex Capital ropes in Barings to find buyers for its stake', 'the mandate from Apex Capital to find buyers'],
  ['partnership', 'Fenwick', "Tesco's grocery deal with Fenwick lifts shares", 'the grocery deal with Tesco'],
  ['ipo', 'Lumio', 'Lumio files IPO in Hong Kong', 'the IPO filing in Hong Kong'],
  ['contract-win', 'Tolland', 'Tolland shares jump 6% on $75 million order from Airbus', 'the $75 million order from Airbus'],
  // Agreed purchases.
  ['acquisition', 'Halyard', 'Halyard agrees to buy Tessel for $1.2 billion', 'the $1.2 billion acquisition of Tessel'],
  ['acquisition', 'Ormond', 'Ormond to acquire 60% stake in Pelican Foods', 'the acquisition of a 60% stake in Pelican Foods'],
  ['acquisition', 'Verity Cloud', 'Verity Cloud boosts security unit with $400 million Lockstep deal', 'the $400 million Lockstep acquisition'],
  ['acquisition', 'Tamsin', 'Tamsin shares rise on hotel chain buy', 'the acquisition of the hotel chain'],
  ['acquisition', 'Corran', 'Corran wins race for Danish software maker Blix', 'the acquisition of the Danish software maker Blix'],
  ['acquisition', 'Arden', 'Glimmer acquired by Arden for $800 million', 'the $800 million acquisition of Glimmer'],
  ['acquisition', 'Elstree', 'Competition watchdog clears takeover of Dalby Foods by Elstree', 'the acquisition of Dalby Foods'],
  ['acquisition', 'Marlowe', 'Marlowe buys remaining rights to Pfizer vaccine in deal worth up to $900 mln', 'the acquisition of the remaining rights to the Pfizer vaccine'],
  ['acquisition', 'Heron Bank', 'Heron Bank to buy state stake in Lisbon unit', 'the acquisition of the state stake in the Lisbon unit'],
  ['regulatory-approval', 'Pallas', 'FDA approves Pallas drug for advanced kidney cancer', 'the FDA approval of the drug for advanced kidney cancer'],
  // First deliveries and other milestones.
  ['milestone', 'Aerolux', 'Aerolux delivers first A350 freighter to Qatar Airways', 'the delivery of the first A350 freighter to Qatar Airways'],
  ['milestone', 'Voltra', "Voltra's first electric bus rolls off Pune line", 'the first electric bus'],
  ['milestone', 'Harbour Gas', 'Harbour Gas makes first LNG shipment from Kakinada terminal', 'the first LNG shipment from the Kakinada terminal'],
  ['milestone', 'Sundew', 'Sundew begins commercial production at Hosur plant', 'the start of commercial production at the Hosur plant'],
  ['milestone', 'Quillon', 'Quillon celebrates 75th anniversary', 'the 75th anniversary'],
  ['milestone', 'Cinder Motors', 'Cinder Motors records highest ever quarterly sales', "the highest quarterly sales in the company's history"],
  ['milestone', 'Pellucid', "Pellucid's order book swells to record Rs 12,000 crore", 'the record Rs 12,000 crore order book'],
  ['milestone', 'Ferrous', 'Ferrous revenue crosses Rs 5,000 crore mark', 'the Rs 5,000 crore revenue milestone'],
  ['milestone', 'Glenmoor', 'Glenmoor granted US patent for battery coating', 'the US patent for battery coating'],
  // Results worth a note, and the figure that belongs to them.
  ['strong-results', 'Rowan Steel', 'Rowan Steel returns to profit in third quarter', 'the return to a third-quarter profit'],
  ['strong-results', 'Sable Chem', 'Sable Chem rallies 9% as Q3 net profit doubles', 'the doubling of third-quarter profit'],
  // Awards, hiring and launches in new shapes.
  ['award', 'Pollen Studio', 'Pollen Studio takes home gold at Cannes Lions', 'the gold at Cannes Lions'],
  ['award', 'Stratus', 'Stratus recognised as a leader by Forrester', 'the recognition as a leader by Forrester'],
  ['hiring', 'Brightpath', 'Brightpath to hire 3,000 this year', 'the plan to hire 3,000 people this year'],
  // Hiring done is not a plan; an ordinal says a place is new; control bought is a takeover.
  ['hiring', 'Brightpath', 'Brightpath hires 500 engineers', 'the hiring of 500 engineers'],
  ['hiring', 'Brightpath', 'Brightpath hired 1,200 people', 'the hiring of 1,200 people'],
  ['expansion', 'Larkspur', 'Larkspur opens 500th store', 'the 500th store'],
  ['expansion', 'Larkspur', 'Larkspur opens its first European factory in Poland', 'the first European factory in Poland'],
  ['acquisition', 'Larkspur', 'Larkspur acquires majority control of Beta Foods for $40 million', 'the $40 million takeover of Beta Foods'],
  ['acquisition', 'Larkspur', 'Larkspur takes full ownership of Beta Foods', 'the takeover of Beta Foods'],
  ['product-launch', 'Orca Maps', 'Orca Maps rallies on launch of new offline navigation app', 'the launch of the new offline navigation app'],
];

describe('describeNews: the extraction table', () => {
  it('has at least 100 hand-written headlines, 40 of them in the newer event shapes', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(160);
  });

  it.each(TABLE)('%s | %s | %s → %s', (event, company, headline, expected) => {
    const found = describeNews({ title: headline, event }, company);
    expect(found?.full).toContain(expected);
    expect(found!.full.startsWith('the ')).toBe(true);
    expect(found!.short.startsWith('the ')).toBe(true);
    expect(found!.short.split(' ').length).toBeLessThanOrEqual(8);
    // Never a paste of the headline.
    expect(longestSharedRun(found!.full, headline)).toBeLessThan(8);
  });
});

describe('describeNews: an honour named over "of the"', () => {
  it.each([
    ['Acme named Company of the Year by Forbes', 'the Company of the Year title'],
    ['ACME NAMED EMPLOYER OF THE YEAR', 'the Employer of the Year title'],
    ['Acme wins Best Robot of the Year award', 'the Best Robot of the Year award'],
    ['Acme named Emerging Innovator of the Year at Tech Awards', 'the Emerging Innovator of the Year title'],
  ])('%s → subject %s', (headline, short) => {
    expect(describeNews({ title: headline, event: 'award' }, 'Acme')?.short).toBe(short);
  });

  it('names the title rather than the ceremony, and keeps only a grantor after it', () => {
    expect(describeNews({ title: 'Acme named Emerging Innovator of the Year at Tech Awards', event: 'award' }, 'Acme')?.full).toBe('the recognition as Emerging Innovator of the Year');
    expect(describeNews({ title: 'Acme named Supplier of the Year by Ford', event: 'award' }, 'Acme')?.full).toBe('the recognition as Supplier of the Year by Ford');
  });

  it('leaves a plain "of" alone: no title is made of a list', () => {
    expect(describeNews({ title: 'Acme named one of the best companies to work for', event: 'award' }, 'Acme')?.full).toBe('the spot among the best companies to work for');
  });
});

describe('describeNews: what is done is not told as a plan, nor a place as newer than its ordinal', () => {
  it.each([
    ['hiring', 'Brightpath hires 500 engineers', /plan/],
    ['expansion', 'Larkspur opens 500th store', /\bnew\b/],
    ['acquisition', 'Larkspur acquires control of Beta Foods', /acquisition of the control/],
  ])('%s: %s', (event, headline, never) => {
    expect(describeNews({ title: headline, event }, headline.split(' ')[0]!)?.full).not.toMatch(never);
  });
});

describe('describeNews: when nothing specific can be said, it says nothing', () => {
  it.each([
    ['contract-win', 'Jasper', 'Jasper zooms 10% on order win'],
    ['contract-win', 'Jasper', 'Jasper rallies on big order win'],
    ['ipo', 'Kite', 'Kite IPO opens tomorrow'],
    ['ipo', 'Kite', 'Kite rallies on market debut'],
    ['award', 'Lyra', 'Lyra wins award'],
    ['funding', 'Lyra', 'Lyra secures funding'],
    ['strong-results', 'Sobha Homes', 'Sobha Homes Q1 PAT seen up 48% at Rs 46 cr'],
    ['strong-results', 'Sobha Homes', 'Sobha Homes profit expected to rise 30%'],
    ['partnership', 'Lyra', 'Lyra signs partnership'],
    ['product-launch', 'Lyra', 'Lyra launches new product'],
    // A listing step with nothing but the step itself, a vague venue, or a bare share price.
    ['ipo', 'Kite', 'Kite, Lark Foods file for IPO'],
    ['ipo', 'Kite', 'Kite to be listed on bourses'],
    ['ipo', 'Kite', 'Kite debuts on bourses, lists at Rs 70.50'],
    ['contract-win', 'Jasper', 'Jasper rallies 3% on contract win; stock up over 50% in 2014'],
  ])('%s | %s', (event, company, headline) => {
    expect(describeNews({ title: headline, event }, company)).toBeNull();
  });

  it('never states a ceiling ("up to") as the price', () => {
    expect(describeNews({ title: 'Marlowe buys remaining rights to Pfizer vaccine in deal worth up to $900 mln', event: 'acquisition' }, 'Marlowe')?.full).not.toContain('900');
  });

  it('names no phrase for an event class it does not know, nor for none', () => {
    const title = 'Acme wins $40 million rail contract from state of Ohio';
    expect(describeNews({ title, event: 'space-launch' }, 'Acme')).toBeNull();
    expect(describeNews({ title, event: null }, 'Acme')).toBeNull();
  });

  it('reads the summary when the headline names nothing specific', () => {
    const found = describeNews(
      { title: 'Acme wins contract', event: 'contract-win', summary: 'Acme said on Monday it won a $40 million rail contract from the state of Ohio. The work starts in May.' },
      'Acme',
    );
    expect(found?.full).toContain('the $40 million rail contract');
  });
});

describe('odd inputs stay grammatical', () => {
  it.each([
    ['HTML entities', 'contract-win', 'Acme &amp; Sons wins &#36;40 million order from Hydro-Qu&eacute;bec', 'Acme & Sons', 'the $40 million order from Hydro-Québec'],
    ['double-escaped markup', 'award', '<b>Acme</b> wins Webby for best &lt;i&gt;mobile&lt;/i&gt; app', 'Acme', 'the Webby for best mobile app'],
    ['ALL CAPS', 'expansion', 'ACME TO OPEN LISBON OFFICE', 'Acme', 'the new Lisbon office'],
    ['wire prefix and source suffix', 'contract-win', 'UPDATE 2-Acme wins $40 mln defence order - source', 'Acme', 'the $40 million defence order'],
    ['a trailing share move', 'contract-win', 'Acme bags Rs 300 crore order; shares up 4%', 'Acme', 'the Rs 300 crore order'],
    ['a list of companies', 'contract-win', 'Acme, Beta and Gamma win state road contracts', 'Beta', 'the state road contracts'],
    ['the company as the object', 'contract-win', 'Army awards Acme $90 million radio contract', 'Acme', 'the $90 million radio contract from the Army'],
    ['a possessive company', 'ipo', "Acme's $300 million IPO oversubscribed 4 times", 'Acme', 'the $300 million IPO, oversubscribed 4 times'],
    ['a Title Case name of common words', 'partnership', 'ARM Partners With International Business Machines Corp.', 'ARM', 'the partnership with International Business Machines'],
    ['a truncated headline', 'partnership', 'ARM Partners With Nvidia To Drive ...', 'ARM', 'the partnership with Nvidia'],
  ])('%s', (_name, event, headline, company, expected) => {
    const found = describeNews({ title: headline, event }, company);
    expect(found?.full).toBe(expected);
  });

  it('cleans wire prefixes and suffixes', () => {
    expect(cleanHeadline('UPDATE 1-Acme wins order - source').text).toBe('Acme wins order');
    expect(cleanHeadline('RPT-Acme wins order - Industry News').text).toBe('Acme wins order');
    expect(cleanHeadline('Acme wins order: report').text).toBe('Acme wins order');
    expect(cleanHeadline('Acme Wins Order...').truncated).toBe(true);
  });

  it('writes sums of money as a person would', () => {
    expect(writeMoney('Rs 545 cr')).toBe('Rs 545 crore');
    expect(writeMoney('$200-million')).toBe('$200 million');
    expect(writeMoney('$9.2 Billion')).toBe('$9.2 billion');
    expect(writeMoney('706 mln euros')).toBe('€706 million');
    expect(writeMoney('Rs 1.5k crore')).toBe('Rs 1,500 crore');
    expect(writeMoney('$1.3bn')).toBe('$1.3 billion');
    expect(writeMoney('Rs.3000 crore')).toBe('Rs 3,000 crore');
  });
});
