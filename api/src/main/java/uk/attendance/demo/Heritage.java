package uk.attendance.demo;

import java.util.List;

/** Fixed name lists by family background, and the language the family's carers prefer for messages. */
enum Heritage {
    ENGLISH("en",
            List.of("Oliver", "George", "Noah", "Arthur", "Leo", "Harry", "Oscar", "Theo", "Henry", "Jack", "Freddie",
                    "Alfie", "Charlie", "Jacob", "Thomas", "Archie", "Joshua", "James", "Isaac", "Alexander", "William",
                    "Reuben", "Kai", "Tyler", "Ethan", "Mason", "Logan", "Riley", "Dylan", "Kwame", "Tobi", "Callum"),
            List.of("Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie",
                    "Sophia", "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Evie", "Ella", "Chloe", "Ruby",
                    "Emily", "Jessica", "Holly", "Niamh", "Phoebe", "Layla", "Maisie", "Erin", "Ama", "Chiamaka"),
            List.of("David", "Paul", "Mark", "James", "Daniel", "Chris", "Lee", "Craig", "Richard", "Steven", "Gareth",
                    "Ben", "Adam", "Jamie", "Ryan", "Kofi", "Darren", "Matthew"),
            List.of("Sarah", "Emma", "Laura", "Rachel", "Claire", "Kelly", "Gemma", "Hannah", "Lisa", "Natalie", "Joanne",
                    "Amy", "Kirsty", "Vicky", "Helen", "Abena", "Charlotte", "Leanne"),
            List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
                    "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
                    "Patel", "Okafor", "Mensah", "Campbell", "Murphy", "O'Brien", "Hughes", "Edwards", "Turner", "Hill",
                    "Moore", "Harris", "Lewis", "Cooper", "King", "Baker", "Ward", "Morris", "Bell", "Fletcher")),
    POLISH("pl",
            List.of("Jakub", "Szymon", "Filip", "Kacper", "Antoni", "Jan", "Mikołaj", "Wojciech"),
            List.of("Zuzanna", "Julia", "Lena", "Hanna", "Maja", "Zofia", "Alicja", "Oliwia"),
            List.of("Piotr", "Tomasz", "Marek", "Krzysztof", "Paweł"),
            List.of("Katarzyna", "Agnieszka", "Magdalena", "Anna", "Ewa"),
            List.of("Nowak", "Wójcik", "Kaczmarek", "Mazur", "Krawczyk", "Zając", "Król", "Wieczorek")),
    PAKISTANI("ur",
            List.of("Muhammad", "Ayaan", "Zain", "Hamza", "Ibrahim", "Musa", "Yusuf", "Ali"),
            List.of("Aisha", "Maryam", "Zara", "Hafsa", "Inaya", "Fatima", "Amira", "Safa"),
            List.of("Imran", "Tariq", "Asif", "Shahid", "Kamran"),
            List.of("Nadia", "Saima", "Farah", "Rubina", "Samina"),
            List.of("Khan", "Hussain", "Ahmed", "Iqbal", "Malik", "Butt", "Akhtar", "Raza")),
    ROMANIAN("ro",
            List.of("Andrei", "Luca", "Matei", "David", "Ștefan", "Alexandru", "Gabriel", "Vlad"),
            List.of("Ioana", "Maria", "Elena", "Ana", "Sofia", "Daria", "Bianca", "Alexia"),
            List.of("Mihai", "Cristian", "Florin", "Adrian", "Ionuț"),
            List.of("Andreea", "Alina", "Mihaela", "Cristina", "Roxana"),
            List.of("Popescu", "Ionescu", "Popa", "Dumitru", "Stan", "Gheorghe", "Munteanu", "Stoica"));

    final String language;
    final List<String> boys;
    final List<String> girls;
    final List<String> men;
    final List<String> women;
    final List<String> surnames;

    Heritage(String language, List<String> boys, List<String> girls, List<String> men, List<String> women,
             List<String> surnames) {
        this.language = language;
        this.boys = boys;
        this.girls = girls;
        this.men = men;
        this.women = women;
        this.surnames = surnames;
    }
}
