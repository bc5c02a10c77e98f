/**
 * Name parts for demo people and companies, per market. Fictional companies only: brand stems
 * are place names, rivers and common words, combined with a sector and a local legal form.
 */

export type Culture = 'nl' | 'gb' | 'de' | 'br' | 'mx' | 'co' | 'sg' | 'us';

export interface PeopleNames {
	first: readonly string[];
	last: readonly string[];
	/** Chance of a second surname (Brazilian, Mexican and Colombian names often carry two). */
	secondLast: number;
}

// prettier-ignore
export const PEOPLE: Record<Culture, PeopleNames> = {
	nl: {
		first: ['Daan', 'Sanne', 'Lars', 'Femke', 'Bram', 'Lotte', 'Sem', 'Anouk', 'Joris', 'Eva',
			'Thijs', 'Marloes', 'Ruben', 'Noor', 'Pieter', 'Ilse', 'Maarten', 'Fleur', 'Wouter', 'Esther',
			'Jeroen', 'Sophie', 'Koen', 'Mirjam'],
		last: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen',
			'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters',
			'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'Kok', 'Verhoeven', 'van der Linden'],
		secondLast: 0
	},
	gb: {
		first: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Charlotte', 'Jack', 'Emily', 'Thomas',
			'Sophie', 'James', 'Grace', 'William', 'Hannah', 'Alfie', 'Lucy', 'Henry', 'Eleanor',
			'Callum', 'Niamh', 'Rhys', 'Priya', 'Aaron', 'Imogen'],
		last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel',
			'Robinson', 'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall',
			'Wood', 'Clarke', 'Hughes', 'Khan', "O'Connor", 'Campbell'],
		secondLast: 0
	},
	de: {
		first: ['Lukas', 'Anna', 'Felix', 'Lea', 'Jonas', 'Laura', 'Maximilian', 'Julia', 'Tobias',
			'Katharina', 'Niklas', 'Sarah', 'Florian', 'Lena', 'Sebastian', 'Johanna', 'Moritz',
			'Miriam', 'Stefan', 'Claudia', 'Jan', 'Sabine'],
		last: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker',
			'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz',
			'Zimmermann', 'Braun', 'Krüger', 'Hartmann', 'Lange'],
		secondLast: 0
	},
	br: {
		first: ['Ana', 'João', 'Mariana', 'Lucas', 'Beatriz', 'Rafael', 'Camila', 'Pedro', 'Juliana',
			'Thiago', 'Fernanda', 'Gustavo', 'Larissa', 'Bruno', 'Patrícia', 'Felipe', 'Renata', 'Diego',
			'Aline', 'Rodrigo', 'Letícia', 'Vinícius', 'Gabriela', 'Marcelo'],
		last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira',
			'Lima', 'Gomes', 'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Barbosa',
			'Rocha', 'Teixeira', 'Moreira', 'Cardoso', 'Nascimento', 'Araújo', 'Monteiro'],
		secondLast: 0.35
	},
	mx: {
		first: ['Alejandro', 'Sofía', 'Diego', 'Valeria', 'Carlos', 'Daniela', 'Luis', 'Fernanda',
			'José', 'Ximena', 'Miguel', 'Regina', 'Jorge', 'Mariana', 'Ricardo', 'Andrea', 'Emilio',
			'Paola', 'Arturo', 'Lucía', 'Rodrigo', 'Guadalupe'],
		last: ['Hernández', 'García', 'Martínez', 'López', 'González', 'Pérez', 'Rodríguez', 'Sánchez',
			'Ramírez', 'Cruz', 'Flores', 'Gómez', 'Morales', 'Vázquez', 'Reyes', 'Jiménez', 'Torres',
			'Díaz', 'Gutiérrez', 'Mendoza', 'Aguilar', 'Castillo'],
		secondLast: 0.5
	},
	co: {
		first: ['Santiago', 'Valentina', 'Andrés', 'Camila', 'Juan Pablo', 'Isabella', 'Sebastián',
			'Natalia', 'Felipe', 'Laura', 'Julián', 'Carolina', 'Mateo', 'Manuela', 'Camilo', 'Paula',
			'Esteban', 'Juliana', 'Nicolás', 'Catalina'],
		last: ['Restrepo', 'Gómez', 'Londoño', 'Rodríguez', 'Vargas', 'Castro', 'Ramírez', 'Ospina',
			'Jaramillo', 'Cárdenas', 'Zapata', 'Montoya', 'Mejía', 'Giraldo', 'Salazar', 'Rojas',
			'Quintero', 'Arango', 'Duque', 'Moreno'],
		secondLast: 0.5
	},
	sg: {
		first: ['Wei Ling', 'Jun Hao', 'Hui Min', 'Kai Xiang', 'Mei Xin', 'Darren', 'Rachel', 'Marcus',
			'Shu Fen', 'Jeremy', 'Xin Yi', 'Bryan', 'Cheryl', 'Zhi Wei', 'Joanne', 'Gabriel'],
		last: ['Tan', 'Lim', 'Lee', 'Ng', 'Ong', 'Wong', 'Goh', 'Chua', 'Chan', 'Koh', 'Teo', 'Ang',
			'Yeo', 'Tay', 'Ho', 'Low'],
		secondLast: 0
	},
	us: {
		first: ['Michael', 'Jennifer', 'David', 'Jessica', 'Chris', 'Ashley', 'Matthew', 'Emily',
			'Daniel', 'Sarah', 'Ryan', 'Megan', 'Tyler', 'Lauren', 'Brandon', 'Nicole', 'Kevin',
			'Stephanie', 'Jason', 'Rachel', 'Carlos', 'Maria', 'Andre', 'Keisha'],
		last: ['Johnson', 'Williams', 'Miller', 'Davis', 'Garcia', 'Rodriguez', 'Martinez', 'Anderson',
			'Thomas', 'Jackson', 'Harris', 'Martin', 'Thompson', 'Moore', 'Nguyen', 'Kim', 'Walker',
			'Young', 'King', 'Scott', 'Brooks', 'Reed'],
		secondLast: 0
	}
};

export interface CompanyNames {
	/** Brand words: places, rivers, landmarks, ordinary nouns. */
	stems: readonly string[];
	/** Line-of-business words, in the local language. */
	sectors: readonly string[];
	/** Legal forms, most common first. */
	legal: readonly string[];
	/** Occasional group prefix ("Grupo", "Koninklijke"). */
	prefixes: readonly string[];
	/** Words that may follow the sector ("Group", "Participações", "Internacional"). */
	qualifiers: readonly string[];
}

// prettier-ignore
export const COMPANIES: Record<Culture, CompanyNames> = {
	nl: {
		stems: ['Noordzee', 'Amstel', 'Grachten', 'Zuidas', 'Polder', 'Oranje', 'Vondel', 'Haven',
			'Molen', 'Tulp', 'Eiland', 'Kade', 'Sluis', 'Delta', 'Rijn', 'Maas', 'Waal', 'Veluwe',
			'IJssel', 'Duin', 'Schelde', 'Wadden', 'Zeeland', 'Spaarne', 'Gooi', 'Texel', 'Linge',
			'Dommel', 'Vecht', 'Brabant', 'Hanze', 'Lelie'],
		sectors: ['Logistiek', 'Digitaal', 'Zorg', 'Energie', 'Media', 'Betalingen', 'Techniek',
			'Verzekeringen', 'Data', 'Hosting', 'Telecom', 'Bouw', 'Retail', 'Fintech', 'Games',
			'Transport', 'Cloud', 'Software'],
		legal: ['B.V.', 'B.V.', 'N.V.'],
		prefixes: ['Koninklijke'],
		qualifiers: ['Groep', 'Nederland', 'Partners', 'Holding', 'Diensten']
	},
	gb: {
		stems: ['Thames', 'Albion', 'Kestrel', 'Pennine', 'Cotswold', 'Harbour', 'Severn', 'Mersey',
			'Lantern', 'Beacon', 'Ashdown', 'Bramble', 'Highgate', 'Camden', 'Greenwich', 'Bishopsgate',
			'Tyne', 'Avon', 'Redwood', 'Foxglove', 'Marlow', 'Kingsway', 'Saxon', 'Cheviot', 'Moorgate',
			'Wessex', 'Stirling', 'Clyde', 'Heron', 'Ravenscroft'],
		sectors: ['Logistics', 'Payments', 'Health', 'Energy', 'Media', 'Analytics', 'Networks',
			'Capital', 'Cloud', 'Games', 'Retail', 'Insurance', 'Systems', 'Broadcasting', 'Markets',
			'Telecom', 'Software', 'Biotech'],
		legal: ['Ltd', 'Ltd', 'plc', 'Group Ltd'],
		prefixes: [],
		qualifiers: ['Group', 'Solutions', 'Partners', 'International', 'Services', 'UK']
	},
	de: {
		stems: ['Rhein', 'Main', 'Elbe', 'Spree', 'Taunus', 'Isar', 'Neckar', 'Harz', 'Alster',
			'Mosel', 'Brandenburg', 'Nordlicht', 'Adler', 'Eichen', 'Falken', 'Linden', 'Sonnen',
			'Kristall', 'Weser', 'Havel', 'Ruhr', 'Schwarzwald', 'Bodensee', 'Odenwald', 'Lahn'],
		sectors: ['Logistik', 'Digital', 'Energie', 'Medien', 'Versicherungen', 'Systeme', 'Technik',
			'Datenzentrum', 'Netzwerke', 'Handel', 'Finanz', 'Software', 'Automotive', 'Gesundheit',
			'Telekom', 'Cloud'],
		legal: ['GmbH', 'GmbH', 'AG', 'SE', 'GmbH & Co. KG'],
		prefixes: [],
		qualifiers: ['Gruppe', 'Deutschland', 'Partner', 'Holding', 'Dienste']
	},
	br: {
		stems: ['Alvorada', 'Ipiranga', 'Paulista', 'Cerrado', 'Jatobá', 'Tamandaré', 'Guanabara',
			'Itaipu', 'Araucária', 'Carioca', 'Tietê', 'Pinheiros', 'Mantiqueira', 'Sabiá', 'Ipê',
			'Aurora', 'Horizonte', 'Vale Verde', 'Serra Azul', 'Atlântica', 'Cruzeiro', 'Bandeirantes',
			'Pampa', 'Capixaba', 'Potiguar', 'Iguaçu', 'Borborema', 'Paraty', 'Jacarandá', 'Tupã'],
		sectors: ['Tecnologia', 'Logística', 'Pagamentos', 'Saúde', 'Energia', 'Varejo', 'Telecom',
			'Seguros', 'Digital', 'Dados', 'Mídia', 'Agronegócio', 'Sistemas', 'Serviços Financeiros',
			'Educação', 'Fintech', 'Games', 'Distribuição'],
		legal: ['Ltda.', 'Ltda.', 'S.A.'],
		prefixes: ['Grupo'],
		qualifiers: ['Brasil', 'Participações', 'Holding', 'Global']
	},
	mx: {
		stems: ['Azteca', 'Sierra Madre', 'Anáhuac', 'Popocatépetl', 'Chapultepec', 'Reforma',
			'Bajío', 'Huasteca', 'Tonalá', 'Cuauhtémoc', 'Maya', 'Tula', 'Coyoacán', 'Jalisco',
			'Querétaro', 'Pacífico', 'Sol de Oriente', 'Nopal', 'Águila Real', 'Obsidiana', 'Cenote',
			'Xochimilco', 'Tepeyac', 'Papaloapan', 'Ocotlán'],
		sectors: ['Tecnologías', 'Logística', 'Pagos', 'Salud', 'Energía', 'Comercial',
			'Telecomunicaciones', 'Seguros', 'Digital', 'Datos', 'Medios', 'Financiera', 'Sistemas',
			'Manufactura', 'Distribuidora', 'Servicios Cloud'],
		legal: ['S.A. de C.V.', 'S.A. de C.V.', 'S.A.P.I. de C.V.', 'S. de R.L. de C.V.'],
		prefixes: ['Grupo', 'Corporativo'],
		qualifiers: ['Internacional', 'México', 'Holding', 'Global']
	},
	co: {
		stems: ['Andina', 'Magdalena', 'Cafetera', 'Caribe', 'Orinoco', 'Tequendama', 'Guatapé',
			'Monserrate', 'Quindío', 'Sabana', 'Cauca', 'Llanos', 'Tayrona', 'Chicamocha', 'Nevado',
			'Cordillera', 'Boyacá', 'Esmeralda', 'Guadua', 'Cóndor'],
		sectors: ['Tecnología', 'Logística', 'Pagos', 'Salud', 'Energía', 'Comercial',
			'Telecomunicaciones', 'Seguros', 'Digital', 'Datos', 'Medios', 'Financiera', 'Soluciones TI',
			'Distribuciones'],
		legal: ['S.A.S.', 'S.A.S.', 'S.A.'],
		prefixes: ['Grupo', 'Inversiones'],
		qualifiers: ['Internacional', 'Colombia', 'Holding', 'Global']
	},
	sg: {
		stems: ['Merlion', 'Raffles', 'Orchid', 'Marina', 'Sentosa', 'Temasek Bay', 'Jurong',
			'Changi', 'Lion City', 'Straits', 'Bukit', 'Kallang', 'Tanjong', 'Serangoon', 'Pasir',
			'Harbourfront', 'Clementi', 'Tampines', 'Lotus', 'Banyan', 'Jade', 'Monsoon'],
		sectors: ['Logistics', 'Payments', 'Health', 'Energy', 'Media', 'Analytics', 'Networks',
			'Capital', 'Cloud', 'Games', 'Trading', 'Insurance', 'Systems', 'Shipping', 'Fintech',
			'Semiconductors'],
		legal: ['Pte. Ltd.', 'Pte. Ltd.', 'Ltd.'],
		prefixes: [],
		qualifiers: ['Asia', 'Asia Pacific', 'Group', 'International', 'Holdings']
	},
	us: {
		stems: ['Lone Star', 'Trinity', 'Pecos', 'Bluebonnet', 'Mesquite', 'Red River', 'Brazos',
			'Hudson', 'Empire', 'Liberty', 'Atlantic', 'Catskill', 'Summit', 'Pioneer', 'Keystone',
			'Evergreen', 'Ironwood', 'Cedar Ridge', 'Granite', 'Silverline', 'Blue Harbor', 'Northstar',
			'Frontier', 'Prairie', 'Westfield', 'Madison', 'Lexington', 'Riverbend', 'Copperfield',
			'Oakmont', 'Sterling', 'Bayview'],
		sectors: ['Logistics', 'Payments', 'Health', 'Energy', 'Media', 'Analytics', 'Networks',
			'Capital', 'Cloud', 'Games', 'Retail', 'Insurance', 'Systems', 'Biotech', 'Labs', 'Software',
			'Telecom', 'Financial', 'Robotics', 'Security'],
		legal: ['Inc.', 'Inc.', 'LLC', 'Corp.', 'Holdings'],
		prefixes: [],
		qualifiers: ['Group', 'Solutions', 'Partners', 'International', 'Services']
	}
};
