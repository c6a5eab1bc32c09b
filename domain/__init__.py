"""Pure business rules of Tontine Digitale: no I/O, standard library (and phonenumbers) only."""
